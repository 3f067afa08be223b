import { DataSource, EntityTarget, ObjectLiteral, SelectQueryBuilder } from "typeorm";
import { RawRow, RowBuilder, groupRows } from "../batch";
import { isPostgres } from "../../database/dialect";
import { rowHydrator } from "../../database/row-hydrator";
import { reuseSqlText } from "../../database/sql-text-cache";
import { applyKeysetBounds, readingDirection } from "./keyset";
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

/**
 * Narrows or widens what a page's rows carry (fewer columns, joined rows)
 * on the query that reads them; the rows it selects stay the same.
 * `select` shapes the query, `complete` sets on each entity what it read
 * beside it (joined rows come as raw columns: TypeORM's hydration of
 * mapped joins cost more than the rest of the page). Rows are read raw and
 * built by `rowHydrator`, never by TypeORM's `getRawAndEntities`.
 */
export interface RowShape<E extends ObjectLiteral> {
  select(qb: SelectQueryBuilder<E>, alias: string): SelectQueryBuilder<E>;
  complete(entity: E, raw: RawRow, alias: string, dataSource: DataSource): void;
}

/** Each raw row of a query shaped by `shape` as its entity, with what `shape` read beside it. */
export function shapedEntity<E extends ObjectLiteral>(dataSource: DataSource, target: EntityTarget<E>, alias: string, shape: RowShape<E>): (row: RawRow) => E {
  const hydrate = rowHydrator(dataSource, target, alias);
  return (row) => {
    const entity = hydrate(row)!;
    shape.complete(entity, row, alias, dataSource);
    return entity;
  };
}

/** Rows as the entity maps them: the query as it is. */
function asMapped<E extends ObjectLiteral>(): RowShape<E> {
  return { select: (qb) => qb, complete: () => {} };
}

/** One page of the rows that `qb` (aliased `alias`) selects: one statement. */
export async function fetchPage<E extends Entity, R = E>(
  qb: SelectQueryBuilder<E>,
  alias: string,
  request: PageRequest<R>,
  computed?: ComputedColumns<E, R>,
  shape: RowShape<E> = asMapped(),
): Promise<Page<R>> {
  const paged = applyKeysetBounds(shape.select(qb.clone(), alias), alias, request).orderBy();
  const direction = readingDirection(request);
  for (const key of request.order.keys) paged.addOrderBy(keySql(alias, key), direction);
  paged.limit(request.limit + 1);
  for (const [name, sql] of Object.entries(computed?.columns ?? {})) paged.addSelect(sql, name);
  const toEntity = shapedEntity(qb.connection, qb.expressionMap.mainAlias!.target as EntityTarget<E>, alias, shape);
  const rows = (await reuseSqlText(paged).getRawMany()).map((row) => (computed ? computed.build(toEntity(row), row) : (toEntity(row) as unknown as R)));
  return pageFromRows(rows, request);
}

/**
 * The same page of each parent's rows, in ONE statement: `qb` selects the
 * rows of every parent, `parentColumn` (an SQL expression over its aliases)
 * says whose each row is. Each parent's page is read on its own, with the
 * keyset bounds and `LIMIT limit + 1`, so that it costs an index seek and
 * limit + 1 rows however many rows the parent has (a window numbering every
 * row of every parent reads all of them):
 *   PostgreSQL: parents CROSS JOIN LATERAL (… LIMIT n)
 *   SQLite (no LATERAL): parents × rows WHERE id IN (correlated … LIMIT n)
 * Pages come back in the order of `parentIds`, empty for parents with none.
 */
export async function fetchPagesByParent<E extends Entity>(
  qb: SelectQueryBuilder<E>,
  alias: string,
  parentColumn: string,
  parentIds: readonly number[],
  request: PageRequest<E>,
  shape: RowShape<E> = asMapped(),
): Promise<Page<E>[]> {
  const direction = readingDirection(request);
  const perParent = applyKeysetBounds(qb.clone(), alias, request).select(`${alias}.id`, "id").andWhere(`${parentColumn} = parents.parent_key`).orderBy();
  for (const key of request.order.keys) perParent.addOrderBy(keySql(alias, key), direction);
  reuseSqlText(perParent.limit(request.limit + 1));
  const metadata = qb.expressionMap.mainAlias!.metadata;
  // On PostgreSQL the page ids come from a LATERAL join; SQLite has none, so its parents join the rows
  // themselves, each row kept when its id is in the parent's page (a derived table of page ids joined
  // back by id made SQLite run each parent's page subquery twice).
  const [parents, parentKey, on] = isPostgres(qb.connection)
    ? [
        `(SELECT parents.parent_key, page.id FROM unnest(CAST(:pageParentIds AS integer[])) AS parents (parent_key)
          CROSS JOIN LATERAL (${perParent.getQuery()}) page)`,
        "ranked.parent_key",
        "ranked.id = paged.id",
      ]
    : ["(SELECT value AS parent_key FROM json_each(:pageParentIds))", "parents.parent_key", `paged.id IN (${perParent.getQuery()})`];
  const paged = shape
    .select(qb.connection.createQueryBuilder(metadata.target, "paged"), "paged")
    .innerJoin(parents, isPostgres(qb.connection) ? "ranked" : "parents", on)
    .addSelect(parentKey, "parent_key")
    .setParameters(perParent.getParameters())
    .setParameter("pageParentIds", isPostgres(qb.connection) ? [...parentIds] : JSON.stringify(parentIds))
    .orderBy(parentKey);
  for (const key of request.order.keys) paged.addOrderBy(`paged.${key.column}`, direction);
  const toEntity = shapedEntity(qb.connection, metadata.target as EntityTarget<E>, "paged", shape);
  const rowsByParent = groupRows(await reuseSqlText(paged).getRawMany(), "parent_key", toEntity);
  return parentIds.map((parentId) => pageFromRows(rowsByParent.get(parentId) ?? [], request));
}

/** How many rows `qb` selects for each parent, in ONE grouped statement. */
export async function countByParent<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, parentColumn: string, parentIds: readonly number[]): Promise<number[]> {
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
