import { DataSource } from "typeorm";
import { Logger } from "../logger";
import { isPostgres } from "./dialect";
import { inTransaction } from "./transaction";

/** How often a serving SQLite connection refreshes its statistics (SQLite's advice: hourly or daily). */
const REFRESH_MS = 60 * 60 * 1000;

/** better-sqlite3's connection, as TypeORM's `prepareDatabase` hands it over and its driver keeps it. */
export interface SqliteConnection {
  pragma(sql: string): unknown;
  exec(sql: string): unknown;
  prepare(sql: string): { get(): unknown };
}

/**
 * Brings a SQLite connection's planner statistics up to date: `PRAGMA
 * optimize` (with `mask`), which runs ANALYZE on the tables that need it.
 * SQLite plans without statistics unless something runs ANALYZE, and then
 * assumes every index is selective: `article(slug:)` read every published
 * row through the status index instead of the one row its slug names
 * (BENCHMARKS.md has the figures).
 *
 * Only ANALYZE's averages per index (`sqlite_stat1`) are kept, never its
 * samples (`sqlite_stat4`). better-sqlite3's SQLite is built with STAT4, and
 * a statement whose bound parameter the planner could look up in a sample
 * (`status = ?`, `id IN (?, ?)` on an indexed column) is compiled again on
 * its next run each time a value is bound to it, as better-sqlite3 does on
 * every run: the article page's statements cost 0.88 ms instead of 0.53.
 * SQLite's default build has no STAT4 and plans from `sqlite_stat1` alone,
 * as this one then does.
 */
export function refreshSqliteStatistics(db: SqliteConnection, mask?: string): void {
  db.pragma(mask ? `optimize = ${mask}` : "optimize");
  const samples = db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat4'").get() !== undefined;
  // `ANALYZE sqlite_schema` loads the statistics left into the planner, as opening the file again would.
  if (samples && db.prepare("SELECT 1 FROM sqlite_stat4 LIMIT 1").get() !== undefined) db.exec("DELETE FROM sqlite_stat4; ANALYZE sqlite_schema");
}

/**
 * Every SQLite connection refreshes its statistics when it opens
 * (`PRAGMA optimize=0x10002`, in `ormconfig.ts`), and a serving one every
 * hour, which re-analyzes only the tables that grew or shrank enough to
 * need it. PostgreSQL keeps its own (autovacuum). Returns what stops the
 * refreshes.
 */
export function refreshPlannerStatistics(dataSource: DataSource, logger: Logger): () => void {
  if (isPostgres(dataSource)) return () => undefined;
  const timer = setInterval(() => {
    // In a transaction of the write queue: the process's one connection is then nobody else's.
    inTransaction(dataSource, async () => refreshSqliteStatistics(sqliteConnectionOf(dataSource))).catch((err: unknown) =>
      logger.warn({ err }, "SQLite statistics not refreshed: plans keep the previous ones"),
    );
  }, REFRESH_MS);
  timer.unref();
  return () => clearInterval(timer);
}

/** The better-sqlite3 connection under a SQLite data source. */
function sqliteConnectionOf(dataSource: DataSource): SqliteConnection {
  return (dataSource.driver as unknown as { databaseConnection: SqliteConnection }).databaseConnection;
}
