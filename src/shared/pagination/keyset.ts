import { ObjectLiteral, SelectQueryBuilder } from "typeorm";
import { PageRequest } from "./page-request";
import { SortDirection, keySql, reverse } from "./sort-order";

/** The direction rows are read in: the order's, or its reverse when paging backward. */
export function readingDirection(request: PageRequest<unknown>): SortDirection {
  return request.backward ? reverse(request.order.direction) : request.order.direction;
}

/** `alias.k1 DIR, …, alias.id DIR` (a computed key's SQL in its place) in reading direction, for ORDER BY and OVER (…). */
export function orderBySql(alias: string, request: PageRequest<unknown>): string {
  const direction = readingDirection(request);
  return request.order.keys.map((key) => `${keySql(alias, key)} ${direction}`).join(", ");
}

/**
 * Adds the cursor bounds of `request` to `qb`. For an order (k1, …, id) DESC
 * and an `after` cursor (v1, …, vid) it adds
 *   WHERE (alias.k1, …, alias.id) < (:keyset_after_0, …)
 * and for a `before` cursor the same with `>`; ASC orders swap the two.
 * Row-value comparisons let both SQLite and PostgreSQL seek in the index.
 */
export function applyKeysetBounds<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  alias: string,
  request: PageRequest<unknown>,
): SelectQueryBuilder<T> {
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
