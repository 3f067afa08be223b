import { DataSource, ObjectLiteral, SelectQueryBuilder } from "typeorm";
import { isPostgres } from "./dialect";
import { nameStatement } from "./prepared-statements";

/** Distinct shapes kept; list reads have a few dozen (orders × directions × selections). */
const MAX_SHAPES = 500;

const textsBySource = new WeakMap<DataSource, ShapeTexts>();

/**
 * Whether each reuse is checked against the text TypeORM builds: everywhere
 * but in production, so that the test suite proves every kept text is the
 * one TypeORM would have built for its builder.
 */
const verify = process.env.NODE_ENV !== "production";

/**
 * Lets `qb` reuse the SQL text (with its `:named` parameters, expanded at
 * each run) that TypeORM built for an earlier builder of the same shape:
 * the same selects, joins, conditions, order and limit, whatever the
 * parameters' values. TypeORM otherwise rebuilds the text on every call,
 * escaping each column and rewriting property names over the whole
 * statement. A builder using what the shape does not capture (locks,
 * CTEs, offsets, HAVING, conditions given as brackets or objects) is left
 * alone. Returns `qb`.
 */
export function reuseSqlText<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>): SelectQueryBuilder<T> {
  const key = shapeOf(qb);
  if (key === null) return qb;
  let texts = textsBySource.get(qb.connection);
  if (!texts) textsBySource.set(qb.connection, (texts = new ShapeTexts()));
  const kept = texts.get(key);
  // The functions put on `qb` are made by the helpers below: V8 allocates a function written on the right of a
  // property assignment in the old generation, where it would keep the builder, and every row its statement
  // reads, alive through every scavenge (see `pooled-statements.ts`).
  const build = qb.getQuery.bind(qb);
  if (kept !== undefined) {
    qb.getQuery = keptText(kept, build);
    // A list of values (`:...ids`) gives a text per list length: named, they would crowd out the shapes that repeat.
    if (isPostgres(qb.connection) && !kept.includes(":...")) qb.getQueryAndParameters = namedStatement(qb.getQueryAndParameters.bind(qb));
    return qb;
  }
  qb.getQuery = keepingText(qb, build, texts, key);
  return qb;
}

/** `getQuery` of a builder whose shape has a kept text: the text (checked against TypeORM's outside production). */
function keptText(kept: string, build: () => string): () => string {
  return verify ? () => checked(kept, build()) : () => kept;
}

/** `getQueryAndParameters` that names the statement it expands (see `nameStatement`). */
function namedStatement(expand: () => [string, unknown[]]): () => [string, unknown[]] {
  return () => {
    const [text, parameters] = expand();
    nameStatement(text);
    return [text, parameters];
  };
}

/** `getQuery` of the first builder of a shape: TypeORM's text, kept for the shape under `key` in `texts`. */
function keepingText(qb: SelectQueryBuilder<ObjectLiteral>, build: () => string, texts: ShapeTexts, key: ShapeKey): () => string {
  return () => {
    const names = Object.keys(qb.getParameters()).length;
    const text = build();
    // Building the text added parameters (conditions given as objects): their values are not part of the key.
    if (Object.keys(qb.getParameters()).length === names) texts.set(key, text);
    return text;
  };
}

function checked(kept: string, built: string): string {
  if (kept !== built) throw new Error(`reuseSqlText: a kept SQL text differs from TypeORM's for the same shape:\n${kept}\n${built}`);
  return kept;
}

/** A shape: what determines the text TypeORM builds, as a sequence of values (see `shapeOf`). */
type ShapeKey = (string | number | boolean | null | undefined)[];

/**
 * Kept texts by shape, as a tree of maps walked one value of the key at a
 * time: the values are mostly strings the code holds (and kept texts built
 * into conditions), whose hashes V8 keeps, where one key string per
 * statement, built for every run, had to be written and hashed whole.
 */
class ShapeTexts {
  private readonly root = new Map<unknown, unknown>();
  private size = 0;

  get(key: ShapeKey): string | undefined {
    let node: Map<unknown, unknown> | undefined = this.root;
    for (const value of key) {
      node = node.get(value) as Map<unknown, unknown> | undefined;
      if (node === undefined) return undefined;
    }
    return node.get(TEXT) as string | undefined;
  }

  set(key: ShapeKey, text: string): void {
    if (this.size >= MAX_SHAPES) return;
    let node = this.root;
    for (const value of key) {
      let next = node.get(value) as Map<unknown, unknown> | undefined;
      if (next === undefined) node.set(value, (next = new Map()));
      node = next;
    }
    if (!node.has(TEXT)) this.size++;
    node.set(TEXT, text);
  }
}

const TEXT = Symbol("text");

/**
 * What determines the text TypeORM builds for `qb`, or null when it uses
 * something this does not capture. Each list in it is led by its length,
 * so that no two shapes give the same sequence.
 */
function shapeOf(qb: SelectQueryBuilder<ObjectLiteral>): ShapeKey | null {
  const map = qb.expressionMap;
  const main = map.mainAlias;
  if (!main || map.queryType !== "select" || main.subQuery) return null;
  if (map.commonTableExpressions.length > 0 || map.havings.length > 0 || map.relationIdAttributes.length > 0) return null;
  if (map.lockMode !== undefined || map.offset !== undefined || map.skip !== undefined || map.take !== undefined || map.selectDistinctOn.length > 0)
    return null;
  if (map.comment !== undefined || map.useIndex !== undefined || map.timeTravel || map.maxExecutionTime !== 0) return null;
  if (map.extraAppendedAndWhereCondition !== "") return null;
  const key: ShapeKey = [
    main.hasMetadata ? main.metadata.name : main.tablePath,
    main.name,
    map.subQuery,
    map.selectDistinct,
    map.withDeleted,
    map.limit,
    map.selects.length,
  ];
  for (const select of map.selects) key.push(select.selection, select.aliasName, select.virtual);
  key.push(map.groupBys.length, ...map.groupBys);
  const orders = Object.entries(map.orderBys);
  key.push(orders.length);
  for (const [column, order] of orders) {
    if (typeof order === "string") key.push(column, order, undefined);
    else key.push(column, order.order, order.nulls);
  }
  key.push(map.joinAttributes.length);
  for (const join of map.joinAttributes) {
    if (typeof join.entityOrProperty !== "string" && typeof join.entityOrProperty !== "function") return null;
    const target = typeof join.entityOrProperty === "function" ? join.entityOrProperty.name : join.entityOrProperty;
    key.push(join.direction, target, join.alias.name, join.condition, join.mapToProperty);
  }
  key.push(map.wheres.length);
  for (const where of map.wheres) {
    if (typeof where.condition !== "string") return null;
    key.push(where.type, where.condition);
  }
  return key;
}
