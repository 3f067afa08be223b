import { DataSource } from "typeorm";
import { Logger } from "../logger";
import { isPostgres } from "./dialect";
import { inTransaction } from "./transaction";

/** How often a serving SQLite connection refreshes its statistics (SQLite's advice: hourly or daily). */
const REFRESH_MS = 60 * 60 * 1000;

/**
 * SQLite plans without statistics unless something runs ANALYZE, and then
 * assumes every index is selective: `article(slug:)` read every published
 * row through the status index instead of the one row its slug names
 * (BENCHMARKS.md has the figures). Every connection runs
 * `PRAGMA optimize=0x10002` when it opens (`ormconfig.ts`), and a serving
 * one `PRAGMA optimize` every hour, which re-analyzes only the tables that
 * grew or shrank enough to need it. PostgreSQL keeps its own (autovacuum).
 * Returns what stops the refreshes.
 */
export function refreshPlannerStatistics(dataSource: DataSource, logger: Logger): () => void {
  if (isPostgres(dataSource)) return () => undefined;
  const timer = setInterval(() => {
    inTransaction(dataSource, (manager) => manager.query("PRAGMA optimize")).catch((err: unknown) =>
      logger.warn({ err }, "SQLite statistics not refreshed: plans keep the previous ones"),
    );
  }, REFRESH_MS);
  timer.unref();
  return () => clearInterval(timer);
}
