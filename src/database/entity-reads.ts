import { ObjectLiteral, SelectQueryBuilder } from "typeorm";
import { rowHydrator } from "./row-hydrator";
import { reuseSqlText } from "./sql-text-cache";

/**
 * The entities `qb` selects under its main alias (no joined entities
 * mapped), as `getMany()` returns them, with the SQL text of the same shape
 * reused and rows built by `rowHydrator` rather than TypeORM's transformer.
 */
export async function readEntities<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>): Promise<T[]> {
  const main = qb.expressionMap.mainAlias!;
  const hydrate = rowHydrator<T>(qb.connection, main.target, main.name);
  return (await reuseSqlText(qb).getRawMany()).map((row) => hydrate(row)!);
}

/** The first entity `readEntities` reads, or null: `getOne()` for builders that select at most one row. */
export async function readEntity<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>): Promise<T | null> {
  return (await readEntities(qb))[0] ?? null;
}
