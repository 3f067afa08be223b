/** A value a cursor can carry: a sort key's value or the id tiebreaker. */
export type CursorValue = number | string | Date;

export type SortDirection = "ASC" | "DESC";

export type SortKeyKind = "integer" | "float" | "string" | "date";

export interface SortKey<T> {
  /** The column, unqualified (`published_at`); the list's alias is added. */
  column: string;
  kind: SortKeyKind;
  /**
   * For a key the query computes (a relevance, a score): the SQL that
   * computes it, used as is in place of `alias.column`.
   */
  sql?: string;
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

/** The SQL a key sorts and bounds on in a list aliased `alias`. */
export function keySql(alias: string, key: SortKey<unknown>): string {
  return key.sql ?? `${alias}.${key.column}`;
}

export const byId: SortKey<{ id: number }> = { column: "id", kind: "integer", read: (row) => row.id };

export function reverse(direction: SortDirection): SortDirection {
  return direction === "ASC" ? "DESC" : "ASC";
}
