import { DataSource, EntityTarget, ObjectLiteral, SelectQueryBuilder } from "typeorm";
import { RawRow, RowBuilder, groupRows } from "../batch";
import { isPostgres } from "../../database/dialect";
import { jsonRowsReader, jsonRowsSql } from "../../database/json-rows";
import { rowHydrator } from "../../database/row-hydrator";
import { selectedColumns } from "../../database/selected-columns";
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
  /** The values of the `:named` parameters that `columns` use. */
  parameters?: ObjectLiteral;
  build: RowBuilder<E, R>;
}

type Entity = ObjectLiteral & { id: number };

/**
 * Narrows or widens what a page's rows carry (fewer columns, joined rows)
 * on the query that reads them; the rows it selects stay the same.
 * `select` shapes the query; `completer`, made once for the rows of one
 * statement (`columnsOf` is one of them: every row has its columns), sets
 * on each entity what it read beside it (joined rows come as raw columns:
 * TypeORM's hydration of mapped joins cost more than the rest of the
 * page). Rows are read raw and built by `rowHydrator`, never by TypeORM's
 * `getRawAndEntities`.
 */
export interface RowShape<E extends ObjectLiteral> {
  select(qb: SelectQueryBuilder<E>, alias: string): SelectQueryBuilder<E>;
  completer(alias: string, dataSource: DataSource, columnsOf: RawRow): (entity: E, raw: RawRow) => void;
}

/**
 * Each raw row of one statement shaped by `shape` as its entity, with what
 * `shape` read beside it; how is worked out on the first row, the columns
 * of every row.
 */
export function shapedEntity<E extends ObjectLiteral>(dataSource: DataSource, target: EntityTarget<E>, alias: string, shape: RowShape<E>): (row: RawRow) => E {
  let build: ((row: RawRow) => E) | undefined;
  return (row) => {
    if (!build) {
      const hydrate = rowHydrator(dataSource, target, alias, row);
      const complete = shape.completer(alias, dataSource, row);
      build = (raw) => {
        const entity = hydrate(raw)!;
        complete(entity, raw);
        return entity;
      };
    }
    return build(row);
  };
}

/** Rows as the entity maps them: the query as it is. */
function asMapped<E extends ObjectLiteral>(): RowShape<E> {
  return { select: (qb) => qb, completer: () => () => {} };
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
  if (computed?.parameters) paged.setParameters(computed.parameters);
  const toEntity = shapedEntity(qb.connection, qb.expressionMap.mainAlias!.target as EntityTarget<E>, alias, shape);
  const rows = (await reuseSqlText(paged).getRawMany()).map((row) => (computed ? computed.build(toEntity(row), row) : (toEntity(row) as unknown as R)));
  return pageFromRows(rows, request);
}

/** Rows of parents: those `qb` selects whose `parentColumn` (an SQL expression over `qb`'s aliases) is the parent's key. */
export interface ParentScope<E extends ObjectLiteral> {
  qb: SelectQueryBuilder<E>;
  parentColumn: string;
}

/**
 * The same page of each parent's rows, in ONE statement: the rows of every
 * parent are those of `scopes` (several when a parent's rows come by more
 * than one path, each path with an index of its own; no row may come by
 * two). Each parent's page is read on its own, with the keyset bounds and
 * `LIMIT limit + 1` per scope, so that it costs an index seek and
 * limit + 1 rows a scope however many rows the parent has (a window
 * numbering every row of every parent reads all of them):
 *   PostgreSQL: parents CROSS JOIN LATERAL (… LIMIT n [UNION ALL …])
 *   SQLite (no LATERAL): parents × rows WHERE id IN (correlated … LIMIT n [UNION ALL …])
 * Pages come back in the order of `parentIds`, empty for parents with none.
 */
export async function fetchPagesByParent<E extends Entity>(
  scopes: ParentScope<E>[],
  alias: string,
  parentIds: readonly number[],
  request: PageRequest<E>,
  shape: RowShape<E> = asMapped(),
): Promise<Page<E>[]> {
  const direction = readingDirection(request);
  const { connection, expressionMap } = scopes[0].qb;
  const postgres = isPostgres(connection);
  const perParent = pageIdsOfParent(scopes, alias, request, "parents.parent_key");
  const metadata = expressionMap.mainAlias!.metadata;
  // On PostgreSQL the page ids come from a LATERAL join; SQLite has none, so its parents join the rows
  // themselves, each row kept when its id is in the parent's page (a derived table of page ids joined
  // back by id made SQLite run each parent's page subquery twice).
  const [parents, parentKey, on] = postgres
    ? [
        `(SELECT parents.parent_key, page.id FROM unnest(CAST(:pageParentIds AS integer[])) AS parents (parent_key)
          CROSS JOIN LATERAL (${perParent.sql}) page)`,
        "ranked.parent_key",
        "ranked.id = paged.id",
      ]
    : ["(SELECT value AS parent_key FROM json_each(:pageParentIds))", "parents.parent_key", `paged.id IN (${perParent.sql})`];
  const paged = shape
    .select(connection.createQueryBuilder(metadata.target, "paged"), "paged")
    .innerJoin(parents, postgres ? "ranked" : "parents", on)
    .addSelect(parentKey, "parent_key")
    .setParameters(perParent.parameters)
    .setParameter("pageParentIds", postgres ? [...parentIds] : JSON.stringify(parentIds))
    .orderBy(parentKey);
  for (const key of request.order.keys) paged.addOrderBy(`paged.${key.column}`, direction);
  const toEntity = shapedEntity(connection, metadata.target as EntityTarget<E>, "paged", shape);
  const rowsByParent = groupRows(await reuseSqlText(paged).getRawMany(), "parent_key", toEntity);
  return parentIds.map((parentId) => pageFromRows(rowsByParent.get(parentId) ?? [], request));
}

/**
 * The ids of one parent's page (the parent whose key the SQL expression
 * `parentKey` gives) of the rows of `scopes`, as `fetchPagesByParent`
 * reads them: a subquery per scope with the keyset bounds and
 * `LIMIT limit + 1`, joined by UNION ALL when there are several.
 */
function pageIdsOfParent<E extends Entity>(
  scopes: ParentScope<E>[],
  alias: string,
  request: PageRequest<E>,
  parentKey: string,
): { sql: string; parameters: ObjectLiteral } {
  const postgres = isPostgres(scopes[0].qb.connection);
  const branches = scopes.map(({ qb, parentColumn }) =>
    reuseSqlText(pageOfParent(qb.clone().select(`${alias}.id`, "id"), alias, request, `${parentColumn} = ${parentKey}`)),
  );
  const sql =
    branches.length === 1
      ? branches[0].getQuery()
      : branches.map((branch) => (postgres ? `(${branch.getQuery()})` : `SELECT id FROM (${branch.getQuery()})`)).join(" UNION ALL ");
  return { sql, parameters: Object.assign({}, ...branches.map((branch) => branch.getParameters())) };
}

/** One parent's page as `pageColumnOfParents` reads it: SQL over the parent's row, and how its value becomes the page. */
export interface PageColumn<E> {
  sql: string;
  parameters: ObjectLiteral;
  read(value: unknown): Page<E>;
}

/**
 * The page `fetchPagesByParent` reads for each parent, as a column of the
 * parents' own statement (`parentKey` is the SQL of the parent row's key):
 * the page's rows, shaped by `shape`, as one JSON array per parent row (see
 * `jsonRowsSql`), so that a list of parents and each one's page take one
 * statement. Its parameters must not share names with the parents'
 * statement: the request may carry no cursor (those are `keyset_…` on both).
 */
export function pageColumnOfParents<E extends Entity>(
  scopes: ParentScope<E>[],
  alias: string,
  request: PageRequest<E>,
  shape: RowShape<E>,
  parentKey: string,
): PageColumn<E> {
  if (request.after !== null || request.before !== null)
    throw new Error("pageColumnOfParents: a page under a cursor shares its parameters' names with its parents'");
  const { connection, expressionMap } = scopes[0].qb;
  const target = expressionMap.mainAlias!.metadata.target as EntityTarget<E>;
  // PostgreSQL reads each scope's page with the shape's columns as it finds its rows (the index scan that
  // keeps a row reads it). SQLite would read every row a scope holds before sorting when no index gives the
  // order (an author's co-written articles): it cuts each scope's page from the indexes, then joins the rows.
  // The scopes' pages are joined by UNION ALL.
  const postgres = isPostgres(connection);
  const [rowAlias, selects] = postgres
    ? [alias, scopes.map(({ qb, parentColumn }) => pageOfParent(shape.select(qb.clone(), alias), alias, request, `${parentColumn} = ${parentKey}`))]
    : ["paged", scopes.map((scope) => rowsOfParentPage(scope, alias, request, shape, parentKey))];
  const shown = selectedColumns(selects[0]);
  // The page's order, carried out of the subquery by name for the aggregate to follow (see `withOrderColumns`).
  const order = selects.map((select) => withOrderColumns(select, rowAlias, request))[0];
  const texts = selects.map((select) => reuseSqlText(select).getQuery());
  // SQLite takes no parentheses around the members of a UNION; its members here have no ORDER BY of their own.
  const from = texts.length === 1 || !postgres ? texts.join(" UNION ALL ") : texts.map((text) => `(${text})`).join(" UNION ALL ");
  const sql = jsonRowsSql(
    connection,
    shown.map((column) => `nested.${column}`),
    `FROM (${from}) nested`,
    order.join(", "),
  );
  const readRows = jsonRowsReader(shown);
  const toEntity = shapedEntity(connection, target, rowAlias, shape);
  return {
    sql,
    parameters: Object.assign({}, ...selects.map((select) => select.getParameters())),
    read: (value) => pageFromRows(readRows(value).map(toEntity), request),
  };
}

/**
 * `select` (one scope's rows, selected as wanted) cut to the page of the
 * parent that `parentCondition` names: the keyset bounds, the order and
 * `LIMIT limit + 1`, an index seek and limit + 1 rows.
 */
function pageOfParent<E extends Entity>(select: SelectQueryBuilder<E>, alias: string, request: PageRequest<E>, parentCondition: string): SelectQueryBuilder<E> {
  const page = applyKeysetBounds(select, alias, request).andWhere(parentCondition).orderBy();
  for (const key of request.order.keys) page.addOrderBy(keySql(alias, key), readingDirection(request));
  return page.limit(request.limit + 1);
}

/**
 * One scope's page of the parent, shaped by `shape` (SQLite): its ids, cut
 * from the scope's indexes as `pageOfParent` cuts them, joined to their
 * rows. A row is read only once it is in the page, and SQLite builds no
 * list of the page's ids for each parent (which `paged.id IN (…)` over the
 * scopes' pages made it do).
 */
function rowsOfParentPage<E extends Entity>(
  scope: ParentScope<E>,
  alias: string,
  request: PageRequest<E>,
  shape: RowShape<E>,
  parentKey: string,
): SelectQueryBuilder<E> {
  const { connection, expressionMap } = scope.qb;
  const ids = reuseSqlText(pageOfParent(scope.qb.clone().select(`${alias}.id`, "id"), alias, request, `${scope.parentColumn} = ${parentKey}`));
  // The ids come first in FROM: SQLite then reads them as it goes (a co-routine); joined after the rows, it
  // wrote them to a table first, for each parent.
  const rows = connection
    .createQueryBuilder()
    .from(`(${ids.getQuery()})`, "page")
    .innerJoin(expressionMap.mainAlias!.metadata.target as Function, "paged", "paged.id = page.id")
    .setParameters(ids.getParameters()) as SelectQueryBuilder<E>;
  return shape.select(rows, "paged");
}

/**
 * The order of `request` over the columns `select` shows, as the ORDER BY
 * of an aggregate over it (`nested.…`): the row's own column when the shape
 * selects it, else one more (in parentheses, which TypeORM takes for an
 * expression: `alias.id` alone it would select again as the entity's
 * column), which the page's rows leave out.
 */
function withOrderColumns<E extends Entity>(select: SelectQueryBuilder<E>, alias: string, request: PageRequest<E>): string[] {
  const shown = selectedColumns(select);
  return request.order.keys.map((key, index) => {
    let name = `${alias}_${key.column}`;
    if (!shown.includes(name)) select.addSelect(`(${alias}.${key.column})`, (name = `page_order_${index}`));
    return `nested.${name} ${readingDirection(request)}`;
  });
}

/** How many rows `scopes` (see `fetchPagesByParent`) hold for each parent, in ONE grouped statement. */
export async function countByParent<T extends ObjectLiteral>(scopes: ParentScope<T>[], parentIds: readonly number[]): Promise<number[]> {
  const counts = scopes.map(({ qb, parentColumn }) =>
    qb
      .clone()
      .select(parentColumn, "parent_key")
      .addSelect("COUNT(*)", "count")
      .andWhere(`${parentColumn} IN (:...countParentIds)`, { countParentIds: parentIds })
      .groupBy(parentColumn),
  );
  const rows: { parent_key: number | string; count: number | string }[] =
    counts.length === 1
      ? await reuseSqlText(counts[0]).getRawMany()
      : await scopes[0].qb.connection
          .createQueryBuilder()
          .select("counted.parent_key", "parent_key")
          .addSelect("SUM(counted.count)", "count")
          .from(`(${counts.map((count) => count.getQuery()).join(" UNION ALL ")})`, "counted")
          .setParameters(Object.assign({}, ...counts.map((count) => count.getParameters())))
          .groupBy("counted.parent_key")
          .getRawMany();
  const byParent = new Map(rows.map((row) => [Number(row.parent_key), Number(row.count)]));
  return parentIds.map((parentId) => byParent.get(parentId) ?? 0);
}
