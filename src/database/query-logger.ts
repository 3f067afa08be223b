import { Logger as TypeOrmLogger } from "typeorm";
import { Logger } from "../logger";
import { dbQueriesTotal } from "../metrics";

/**
 * TypeORM calls `logQuery` for every statement it sends, whatever the log
 * options: counting there is what makes `db_queries_total` exact. SQL text
 * only ever goes to the log, at trace level (or warn when it failed).
 */
export class QueryLogger implements TypeOrmLogger {
  constructor(private readonly logger?: Logger) {}

  logQuery(query: string, parameters?: unknown): void {
    dbQueriesTotal.inc();
    this.logger?.trace({ sql: query, parameters }, "sql");
  }

  logQueryError(error: string | Error, query: string, parameters?: unknown): void {
    this.logger?.warn({ err: error, sql: query, parameters }, "sql failed");
  }

  logQuerySlow(time: number, query: string): void {
    this.logger?.warn({ ms: time, sql: query }, "slow sql");
  }

  /** Migration progress ("… has been executed successfully") arrives here too. */
  logSchemaBuild(message: string): void {
    this.logger?.info(message);
  }

  logMigration(message: string): void {
    this.logger?.info(message);
  }

  log(level: "log" | "info" | "warn", message: unknown): void {
    if (level === "warn") this.logger?.warn(String(message));
    else this.logger?.debug(String(message));
  }
}
