import { ObjectLiteral, SelectQueryBuilder } from "typeorm";
import { groupByParent } from "../batch";
import { applyKeysetBounds, orderBySql, readingDirection } from "./keyset";
import { Page, pageFromRows } from "./page";
import { PageRequest } from "./page-request";

/** One page of the rows that `qb` (aliased `alias`) selects: one statement. */
export async function fetchPage<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  alias: string,
  request: PageRequest<T>,
): Promise<Page<T>> {
  const paged = applyKeysetBounds(qb.clone(), alias, request).orderBy();
  const direction = readingDirection(request);
  for (const key of request.order.keys) paged.addOrderBy(`${alias}.${key.column}`, direction);
  return pageFromRows(await paged.limit(request.limit + 1).getMany(), request);
}

/**
 * The same page of each parent's rows, in ONE statement: `qb` selects the
 * rows of every parent, `parentColumn` (an SQL expression over its aliases)
 * says whose each row is. Each parent's rows are numbered in reading order
 *   ROW_NUMBER() OVER (PARTITION BY parentColumn ORDER BY keys)
 * after the keyset bounds, and the first limit + 1 are kept. Pages come back
 * in the order of `parentIds`, empty for parents with no rows.
 */
export async function fetchPagesByParent<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  alias: string,
  parentColumn: string,
  parentIds: readonly number[],
  request: PageRequest<T>,
): Promise<Page<T>[]> {
  const ranked = applyKeysetBounds(qb.clone(), alias, request)
    .select(`${alias}.id`, "id")
    .addSelect(parentColumn, "parent_key")
    .addSelect(`ROW_NUMBER() OVER (PARTITION BY ${parentColumn} ORDER BY ${orderBySql(alias, request)})`, "rn")
    .andWhere(`${parentColumn} IN (:...pageParentIds)`, { pageParentIds: parentIds });
  const target = qb.expressionMap.mainAlias!.target;
  const { raw, entities } = await qb.connection
    .createQueryBuilder(target, "paged")
    .innerJoin(`(${ranked.getQuery()})`, "ranked", "ranked.id = paged.id")
    .addSelect("ranked.parent_key", "parent_key")
    .where("ranked.rn <= :pageRowLimit", { pageRowLimit: request.limit + 1 })
    .setParameters(ranked.getParameters())
    .orderBy("ranked.parent_key")
    .addOrderBy("ranked.rn")
    .getRawAndEntities();
  const rowsByParent = groupByParent(raw, entities as (T & { id: number })[], "paged_id", "parent_key");
  return parentIds.map((parentId) => pageFromRows(rowsByParent.get(parentId) ?? [], request));
}

/** How many rows `qb` selects for each parent, in ONE grouped statement. */
export async function countByParent<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  parentColumn: string,
  parentIds: readonly number[],
): Promise<number[]> {
  const rows: { parent_key: number | string; count: number | string }[] = await qb
    .clone()
    .select(parentColumn, "parent_key")
    .addSelect("COUNT(*)", "count")
    .andWhere(`${parentColumn} IN (:...countParentIds)`, { countParentIds: parentIds })
    .groupBy(parentColumn)
    .getRawMany();
  const counts = new Map(rows.map((row) => [Number(row.parent_key), Number(row.count)]));
  return parentIds.map((parentId) => counts.get(parentId) ?? 0);
}
