import { ObjectLiteral, SelectQueryBuilder } from "typeorm";
import { RowBuilder, groupByParent, rowsWithEntities } from "../batch";
import { applyKeysetBounds, orderBySql, readingDirection } from "./keyset";
import { Page, pageFromRows } from "./page";
import { PageRequest } from "./page-request";
import { keySql } from "./sort-order";

/**
 * Values a query computes beside each entity (a relevance, a score and its
 * reasons): every entry of `columns` is selected as `SQL AS name`, and each
 * row of the page is `build(entity, raw)`. Without it, rows are the entities.
 */
export interface ComputedColumns<E, R> {
  columns: Record<string, string>;
  build: RowBuilder<E, R>;
}

type Entity = ObjectLiteral & { id: number };

/** One page of the rows that `qb` (aliased `alias`) selects: one statement. */
export async function fetchPage<E extends Entity, R = E>(
  qb: SelectQueryBuilder<E>,
  alias: string,
  request: PageRequest<R>,
  computed?: ComputedColumns<E, R>,
): Promise<Page<R>> {
  const paged = applyKeysetBounds(qb.clone(), alias, request).orderBy();
  const direction = readingDirection(request);
  for (const key of request.order.keys) paged.addOrderBy(keySql(alias, key), direction);
  paged.limit(request.limit + 1);
  if (!computed) return pageFromRows((await paged.getMany()) as unknown as R[], request);
  for (const [name, sql] of Object.entries(computed.columns)) paged.addSelect(sql, name);
  const { raw, entities } = await paged.getRawAndEntities();
  return pageFromRows(rowsWithEntities(raw, entities, `${alias}_id`, computed.build), request);
}

/**
 * The same page of each parent's rows, in ONE statement: `qb` selects the
 * rows of every parent, `parentColumn` (an SQL expression over its aliases)
 * says whose each row is. Each parent's rows are numbered in reading order
 *   ROW_NUMBER() OVER (PARTITION BY parentColumn ORDER BY keys)
 * after the keyset bounds, and the first limit + 1 are kept. Pages come back
 * in the order of `parentIds`, empty for parents with no rows.
 */
export async function fetchPagesByParent<E extends Entity, R = E>(
  qb: SelectQueryBuilder<E>,
  alias: string,
  parentColumn: string,
  parentIds: readonly number[],
  request: PageRequest<R>,
  computed?: ComputedColumns<E, R>,
): Promise<Page<R>[]> {
  const carried = Object.entries(computed?.columns ?? {});
  const ranked = applyKeysetBounds(qb.clone(), alias, request)
    .select(`${alias}.id`, "id")
    .addSelect(parentColumn, "parent_key")
    .addSelect(`ROW_NUMBER() OVER (PARTITION BY ${parentColumn} ORDER BY ${orderBySql(alias, request)})`, "rn")
    .andWhere(`${parentColumn} IN (:...pageParentIds)`, { pageParentIds: parentIds });
  for (const [name, sql] of carried) ranked.addSelect(sql, name);
  const target = qb.expressionMap.mainAlias!.target;
  const paged = qb.connection
    .createQueryBuilder(target, "paged")
    .innerJoin(`(${ranked.getQuery()})`, "ranked", "ranked.id = paged.id")
    .addSelect("ranked.parent_key", "parent_key");
  for (const [name] of carried) paged.addSelect(`ranked.${name}`, name);
  const { raw, entities } = await paged
    .where("ranked.rn <= :pageRowLimit", { pageRowLimit: request.limit + 1 })
    .setParameters(ranked.getParameters())
    .orderBy("ranked.parent_key")
    .addOrderBy("ranked.rn")
    .getRawAndEntities();
  const rowsByParent = groupByParent(raw, entities as E[], "paged_id", "parent_key", computed?.build);
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
