import { ObjectLiteral, SelectQueryBuilder } from "typeorm";
import { PageRequest } from "./page-request";
import { CursorValue, SortDirection, SortKey, keySql, reverse } from "./sort-order";

/** The direction rows are read in: the order's, or its reverse when paging backward. */
export function readingDirection(request: PageRequest<unknown>): SortDirection {
  return request.backward ? reverse(request.order.direction) : request.order.direction;
}

/**
 * Adds the cursor bounds of `request` to `qb`. For an order (k1, …, id) DESC
 * and an `after` cursor (v1, …, vid) it adds
 *   WHERE (alias.k1, …, alias.id) < (:keyset_after_0, …)
 * and for a `before` cursor the same with `>`; ASC orders swap the two.
 * Row-value comparisons let both SQLite and PostgreSQL seek in the index.
 */
export function applyKeysetBounds<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, alias: string, request: PageRequest<unknown>): SelectQueryBuilder<T> {
  const descending = request.order.direction === "DESC";
  if (request.after) addBound(qb, alias, request, request.after, "after", descending ? "<" : ">");
  if (request.before) addBound(qb, alias, request, request.before, "before", descending ? ">" : "<");
  return qb;
}

function addBound<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  alias: string,
  request: PageRequest<unknown>,
  values: unknown[],
  name: string,
  operator: "<" | ">",
): void {
  const columns = request.order.keys.map((key) => keySql(alias, key));
  const parameters = Object.fromEntries(values.map((value, index) => [`keyset_${name}_${index}`, value]));
  const placeholders = Object.keys(parameters).map((parameter) => `:${parameter}`);
  qb.andWhere(`(${columns.join(", ")}) ${operator} (${placeholders.join(", ")})`, parameters);
}

/**
 * `applyKeysetBounds` for rows already in memory, in list order: the rows
 * strictly between the request's cursors (the same comparison the SQL
 * bounds make, key by key, dates by time).
 */
export function withinKeysetBounds<T>(rows: T[], request: PageRequest<T>): T[] {
  const { after, before, order } = request;
  const sign = order.direction === "DESC" ? -1 : 1;
  const position = (row: T, cursor: CursorValue[]) => sign * compareKeys(order.keys, row, cursor);
  return rows.filter((row) => (!after || position(row, after) > 0) && (!before || position(row, before) < 0));
}

function compareKeys<T>(keys: SortKey<T>[], row: T, cursor: CursorValue[]): number {
  for (const [index, key] of keys.entries()) {
    const [a, b] = [comparable(key.read(row)), comparable(cursor[index])];
    if (a !== b) return a < b ? -1 : 1;
  }
  return 0;
}

function comparable(value: CursorValue): number | string {
  return value instanceof Date ? value.getTime() : value;
}
