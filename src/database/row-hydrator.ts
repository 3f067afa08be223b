import { DataSource, EntityMetadata, EntityTarget, ObjectLiteral } from "typeorm";
import { ColumnMetadata } from "typeorm/metadata/ColumnMetadata";
import { RawRow } from "../shared/batch";
import { isPostgres } from "./dialect";
import { utcTimestampOf } from "./utc-timestamp";

/** Turns the raw columns of one row, selected under a prefix, into an entity; undefined when the row holds none (an outer join found nothing). */
export type RowHydrator<T> = (raw: RawRow) => T | undefined;

/**
 * Column types whose values both drivers already hand back as the entity
 * holds them; every other type (dates on SQLite, JSON text) goes through
 * the driver's own conversion, as TypeORM's hydration does.
 */
const AS_READ = new Set<unknown>(["integer", "int", "varchar", "character varying", "text"]);

interface ColumnPlan {
  rawKey: string;
  property: string;
  convert: ((value: unknown) => unknown) | null;
}

interface EntityPlan {
  prototype: object;
  idKey: string;
  columns: ColumnPlan[];
  hydrate: RowHydrator<ObjectLiteral>;
}

const plans = new WeakMap<EntityMetadata, Map<string, EntityPlan>>();

/**
 * Builds entities from raw rows (`getRawMany()`), where `prefix_column`
 * holds each column: the columns a query selected are set, converted as
 * TypeORM would, on an object of the entity's class. TypeORM's own
 * `getRawAndEntities()` walks the metadata again for every row and row
 * group; this plan is made once per entity and prefix. Given `columnsOf`,
 * a row with the very columns of every row it will hydrate (the rows of
 * one statement), the hydrator sets those columns without looking for
 * every other column of the entity in each row.
 */
export function rowHydrator<T extends ObjectLiteral>(dataSource: DataSource, target: EntityTarget<T>, prefix: string, columnsOf?: RawRow): RowHydrator<T> {
  const metadata = dataSource.getMetadata(target);
  let byPrefix = plans.get(metadata);
  if (!byPrefix) plans.set(metadata, (byPrefix = new Map()));
  let plan = byPrefix.get(prefix);
  if (!plan) byPrefix.set(prefix, (plan = compile(dataSource, metadata, prefix)));
  if (!columnsOf) return plan.hydrate as RowHydrator<T>;
  const present = plan.columns.filter(({ rawKey }) => rawKey in columnsOf);
  return hydratorOf(plan.prototype, plan.idKey, present, false) as RowHydrator<T>;
}

function compile(dataSource: DataSource, metadata: EntityMetadata, prefix: string): EntityPlan {
  const prototype = (metadata.target as { prototype: object }).prototype;
  const columns = metadata.columns.map((column) => planOf(dataSource, column, prefix));
  const idKey = `${prefix}_${metadata.primaryColumns[0].databaseName}`;
  return { prototype, idKey, columns, hydrate: hydratorOf(prototype, idKey, columns, true) };
}

/** Sets `columns` on an object of `prototype`, each only when in the row if `whenPresent`, else every one. */
function hydratorOf(prototype: object, idKey: string, columns: ColumnPlan[], whenPresent: boolean): RowHydrator<ObjectLiteral> {
  return (raw) => {
    if (raw[idKey] == null) return undefined;
    const entity: ObjectLiteral = Object.create(prototype);
    for (const { rawKey, property, convert } of columns) {
      if (whenPresent && !(rawKey in raw)) continue;
      const value = raw[rawKey];
      entity[property] = convert === null || value == null ? value : convert(value);
    }
    return entity;
  };
}

function planOf(dataSource: DataSource, column: ColumnMetadata, prefix: string): ColumnPlan {
  const asRead = AS_READ.has(column.type) && !column.transformer;
  const convert = (value: unknown) => dataSource.driver.prepareHydratedValue(value, column);
  return {
    rawKey: `${prefix}_${column.databaseName}`,
    property: column.propertyName,
    convert: asRead ? null : column.type === Date && !column.transformer ? dateReader(dataSource, convert) : convert,
  };
}

const SPACE = 32;
const T = 84;

/**
 * Reads a date column's text without the driver's regular expressions when
 * it is in the one form each store's text takes here, as the driver reads
 * it: SQLite's `YYYY-MM-DD HH:MM:SS[.SSS]` (TypeORM's, in UTC), and the ISO
 * text of `timestamptz` in a UTC session's JSON on PostgreSQL
 * (`…T05:41:07.123456+00:00`, nested rows). Everything else, Dates included,
 * goes to `convert`.
 */
function dateReader(dataSource: DataSource, convert: (value: unknown) => unknown): (value: unknown) => unknown {
  const read = isPostgres(dataSource)
    ? (text: string) => (text.endsWith("+00:00") ? utcTimestampOf(text, text.length - 6, T) : undefined)
    : (text: string) => (text.length === 19 || text.length === 23 ? utcTimestampOf(text, text.length, SPACE) : undefined);
  return (value) => (typeof value === "string" ? (read(value) ?? convert(value)) : convert(value));
}
