/** A value a cursor can carry: a sort key's value or the id tiebreaker. */
export type CursorValue = number | string | Date;

export type SortDirection = "ASC" | "DESC";

export interface SortKey<T> {
  /** The column, unqualified (`published_at`); the list's alias is added. */
  column: string;
  kind: "integer" | "string" | "date";
  read(row: T): CursorValue;
}

/**
 * A total order for a list: sort keys in one direction, ending with the
 * row id so that no two rows compare equal and cursors are exact.
 */
export interface SortOrder<T> {
  /** Stored in cursors: a cursor from another order is refused. */
  name: string;
  direction: SortDirection;
  keys: SortKey<T>[];
}

export const byId: SortKey<{ id: number }> = { column: "id", kind: "integer", read: (row) => row.id };

export function reverse(direction: SortDirection): SortDirection {
  return direction === "ASC" ? "DESC" : "ASC";
}
