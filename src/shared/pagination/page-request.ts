import { BadUserInputError } from "../errors";
import { decodeCursor } from "./cursor";
import { ConnectionArgs } from "./connection.args";
import { CursorValue, SortOrder } from "./sort-order";

export const DEFAULT_PAGE_SIZE = 10;
export const MAX_PAGE_SIZE = 100;

/**
 * A validated page of a list in a given order: `limit` items read forwards
 * from the start (or from `after`), or, when `backward`, read backwards from
 * the end (or from `before`). Both bounds may be set. `fields`, when known,
 * are the fields the client selected on each item (`nodeFieldsOf`), so that
 * the list can read only the columns they need.
 */
export interface PageRequest<T> {
  order: SortOrder<T>;
  limit: number;
  backward: boolean;
  after: CursorValue[] | null;
  before: CursorValue[] | null;
  fields?: readonly string[];
}

export function pageRequest<T>(args: ConnectionArgs, order: SortOrder<T>, fields?: readonly string[]): PageRequest<T> {
  const { first, last } = args;
  if (first != null && last != null) {
    throw new BadUserInputError("Pass either first or last, not both.", { field: "first" });
  }
  const backward = last != null;
  const limit = checkPageSize(backward ? "last" : "first", backward ? last : first);
  return {
    order,
    limit,
    backward,
    after: args.after == null ? null : decodeCursor(order, args.after, "after"),
    before: args.before == null ? null : decodeCursor(order, args.before, "before"),
    fields,
  };
}

function checkPageSize(field: string, size: number | null | undefined): number {
  if (size == null) return DEFAULT_PAGE_SIZE;
  if (size < 0 || size > MAX_PAGE_SIZE) {
    throw new BadUserInputError(`${field} must be between 0 and ${MAX_PAGE_SIZE}, got ${size}.`, {
      field,
      maximum: MAX_PAGE_SIZE,
    });
  }
  return size;
}

/** A stable key for batching: requests with equal keys share one statement. */
export function pageRequestKey<T>(request: PageRequest<T>): string {
  return JSON.stringify([request.order.name, request.limit, request.backward, request.after, request.before, request.fields ?? null]);
}
