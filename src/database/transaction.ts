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
