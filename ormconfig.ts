import "reflect-metadata";
import { DataSource, DataSourceOptions } from "typeorm";
import { DEFAULT_DATABASE_URL, TimeoutOptions } from "./src/config";
import { SqliteConnection, refreshSqliteStatistics } from "./src/database/planner-statistics";
import { QueryLogger } from "./src/database/query-logger";
import { Logger, createLogger } from "./src/logger";
import { entities } from "./src/entities";
import { migrations } from "./src/migrations";

/**
 * Options for `DATABASE_URL`: `postgres://…` (or `postgresql://…`) for
 * PostgreSQL, `sqlite:PATH` for a SQLite file (`sqlite::memory:` for memory).
 * Schema changes only ever come from migrations: `synchronize` stays off.
 * `timeouts` are for the serving pool: every statement may run at most the
 * request's budget, and waiting for a connection (a new one, or a free one
 * from the pool) gives up after `databaseConnectMs`, so a database that is
 * down fails requests quickly instead of queueing them; the server gives up
 * on an answer lost in the network (`runPooledStatements`). Migrations and
 * the seed run without them. `replicated` readies a PostgreSQL data source
 * for read replicas (`ReadReplicas`).
 */
export function dataSourceOptions(url: string, logger?: Logger, timeouts?: TimeoutOptions, replicated = false): DataSourceOptions {
  const common = { entities, migrations, synchronize: false, logger: new QueryLogger(logger) } as const;
  if (/^postgres(ql)?:\/\//.test(url)) {
    const serving = timeouts
      ? {
          statement_timeout: timeouts.executionMs,
          connectionTimeoutMillis: timeouts.databaseConnectMs,
        }
      : {};
    const extra = { max: 10, ...serving };
    // TypeORM's replication runs every SELECT outside a transaction on a read ("slave") connection;
    // the replicas' pools are src/replication's, which checks their health (none are TypeORM's).
    if (replicated) return { ...common, type: "postgres", replication: { master: { url }, slaves: [] }, extra };
    return { ...common, type: "postgres", url, extra };
  }
  if (url.startsWith("sqlite:")) {
    // TypeORM creates the file's directory when it connects, not when this module loads.
    const database = url.slice("sqlite:".length);
    return {
      ...common,
      type: "better-sqlite3",
      database,
      enableWAL: true,
      prepareDatabase: (db: SqliteConnection) => {
        db.pragma("busy_timeout = 5000");
        db.pragma("synchronous = NORMAL");
        // Statistics for the planner, on every table that needs them.
        refreshSqliteStatistics(db, "0x10002");
      },
    };
  }
  throw new Error(`DATABASE_URL must start with postgres:// or sqlite:, got "${url}"`);
}

export function createDataSource(url: string, logger?: Logger, timeouts?: TimeoutOptions, replicated = false): DataSource {
  return new DataSource(dataSourceOptions(url, logger, timeouts, replicated));
}

/** What the TypeORM CLI loads: `npx typeorm -d dist/ormconfig.js migration:run`. */
export default createDataSource(process.env.DATABASE_URL || DEFAULT_DATABASE_URL, createLogger(process.env.LOG_LEVEL ?? "info"));
