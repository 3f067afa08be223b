import { DataSource, EntityManager } from "typeorm";
import { isPostgres } from "./dialect";

/** The tail of the SQLite write queue, per data source. */
const sqliteQueues = new WeakMap<DataSource, Promise<unknown>>();

/**
 * Runs `work` in a transaction. PostgreSQL gives each transaction its own
 * pooled connection. TypeORM's SQLite driver has ONE connection for the
 * whole process, so two transactions started concurrently would interleave
 * on it (the second becoming a savepoint of the first): here they queue,
 * one after the other, which is also all SQLite's single writer allows.
 */
export function inTransaction<T>(dataSource: DataSource, work: (manager: EntityManager) => Promise<T>): Promise<T> {
  if (isPostgres(dataSource)) return dataSource.transaction(work);
  const previous = sqliteQueues.get(dataSource) ?? Promise.resolve();
  const run = previous.catch(() => undefined).then(() => dataSource.transaction(work));
  sqliteQueues.set(dataSource, run);
  return run;
}

/** Whether `error` is a unique-key violation (PostgreSQL 23505, SQLite's UNIQUE constraint). */
function isUniqueViolation(error: unknown): boolean {
  const driverError = (error as { driverError?: { code?: string } } | null)?.driverError;
  return driverError?.code === "23505" || driverError?.code === "SQLITE_CONSTRAINT_UNIQUE";
}

/** Each round of a race has one winner, so this many writers racing for one key all succeed. */
const UNIQUE_RACE_ATTEMPTS = 10;

/**
 * `inTransaction` for work that picks a free unique key from what it reads
 * (a slug): two concurrent writers can read the same key as free, and the
 * second insert then violates the unique index. The loser runs again from
 * the start, reads the winner's key, and picks the next one.
 */
export async function inTransactionRetryingKeyRaces<T>(dataSource: DataSource, work: (manager: EntityManager) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await inTransaction(dataSource, work);
    } catch (error) {
      if (attempt >= UNIQUE_RACE_ATTEMPTS || !isUniqueViolation(error)) throw error;
    }
  }
}
