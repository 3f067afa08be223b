import { encodeCursor } from "./cursor";
import { withinKeysetBounds } from "./keyset";
import { PageRequest } from "./page-request";

/**
 * One page of a list, in list order. `cursor(index)` is the cursor of
 * `nodes[index]`, encoded only when a client asks for it (most lists on a
 * page never do).
 */
export interface Page<T> {
  nodes: T[];
  cursor(index: number): string;
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  /** The page holds the whole list: no cursor bounds it and no row was left out, so the list's count is `nodes.length`. */
  wholeList: boolean;
}

/**
 * Builds a page from rows read in reading direction with LIMIT limit + 1:
 * the extra row only tells that more exist on the far side. On the near
 * side a cursor was given, so items exist before it (Relay allows this
 * answer; it costs no statement).
 */
export function pageFromRows<T>(rows: T[], request: PageRequest<T>): Page<T> {
  const hasMore = rows.length > request.limit;
  const nodes = rows.slice(0, request.limit);
  if (request.backward) nodes.reverse();
  return {
    nodes,
    cursor: (index) => encodeCursor(request.order, nodes[index]),
    hasNextPage: request.backward ? request.before !== null : hasMore,
    hasPreviousPage: request.backward ? hasMore : request.after !== null,
    wholeList: !hasMore && request.after === null && request.before === null,
  };
}

/**
 * The page of `rows` (the whole list, in list order, already in memory)
 * that `request` asks for: what `fetchPage` reads from SQL, cut from an array.
 */
export function pageOfList<T>(rows: T[], request: PageRequest<T>): Page<T> {
  const bounded = withinKeysetBounds(rows, request);
  const reading = request.backward ? bounded.reverse() : bounded;
  return pageFromRows(reading.slice(0, request.limit + 1), request);
}

/**
 * The page a forward `request` for `limit` items reads, cut from `page`, the
 * same list read with a larger limit: its first `limit` nodes, and more
 * after them if `page` has more than that or more after it.
 */
export function pagePrefix<T>(page: Page<T>, limit: number): Page<T> {
  if (page.nodes.length <= limit) return page;
  const nodes = page.nodes.slice(0, limit);
  return { nodes, cursor: page.cursor, hasNextPage: true, hasPreviousPage: page.hasPreviousPage, wholeList: false };
}
