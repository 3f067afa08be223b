import { DataSource } from "typeorm";
import { isPostgres } from "./dialect";
import { statementNameOf } from "./prepared-statements";

/** How much longer than `statement_timeout` a client waits for PostgreSQL's own cancellation to arrive. */
const NETWORK_MARGIN_MS = 1000;

/** The message `publicDatabaseFault` reads as DATABASE_UNAVAILABLE, as it read pg's own read timeout. */
const READ_TIMEOUT_MESSAGE = "Query read timeout";

type Callback = (error: Error | null, result?: unknown) => void;

interface PgClient {
  query(config: unknown, ...rest: unknown[]): unknown;
  connection: { stream: { destroy(): void } };
}

/** A pg pool, and the `statement_timeout` its connections are made with (0 or none: no limit). */
export interface PgPool {
  on(event: "acquire", listener: (client: PgClient) => void): unknown;
  options?: { statement_timeout?: number | false };
}

/** The pg clients already set up. */
const wrapped = new WeakSet<object>();

/** `runPoolStatements` on `dataSource`'s serving pool (PostgreSQL; nothing on SQLite). */
export function runPooledStatements(dataSource: DataSource): void {
  const pool = isPostgres(dataSource) ? (dataSource.driver as unknown as { master?: PgPool }).master : undefined;
  if (pool) runPoolStatements(pool);
}

/**
 * How every connection `pool` hands out runs statements:
 * - texts marked by `nameStatement` run as named prepared statements
 *   (TypeORM calls pg with the text and values only);
 * - pg gets its callback when it makes its query, never through its
 *   promise API or its `query_timeout`: both store a new function as the
 *   query's callback after making it, and V8 allocates a function written
 *   on the right of a property assignment in the old generation, where it
 *   keeps the query's rows alive through every scavenge until the next
 *   full collection (BENCHMARKS.md has the measure);
 * - an answer that has not come `statement_timeout` plus a margin after
 *   the statement was sent is lost in the network (a partition, a dead
 *   host): the statement fails with `READ_TIMEOUT_MESSAGE` and the
 *   connection is closed, so the pool replaces it instead of queueing the
 *   next statements behind an answer that will not come.
 * Submittable queries (cursors, streams) keep pg's own way.
 */
export function runPoolStatements(pool: PgPool): void {
  const statementTimeoutMs = pool.options?.statement_timeout || 0;
  const readTimeoutMs = statementTimeoutMs > 0 ? statementTimeoutMs + NETWORK_MARGIN_MS : 0;
  pool.on("acquire", (client) => {
    if (wrapped.has(client)) return;
    wrapped.add(client);
    const query = client.query;
    const send = (target: PgClient, args: [unknown, ...unknown[]], callback: Callback) => {
      let settled = false;
      const settle: Callback = (error, result) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        callback(error, result);
      };
      const timer = readTimeoutMs > 0 ? setTimeout(() => lost(target, settle), readTimeoutMs) : undefined;
      query.call(target, ...args, settle);
    };
    client.query = function (this: PgClient, config: unknown, ...rest: unknown[]) {
      if (typeof (config as { submit?: unknown } | null)?.submit === "function") return query.call(this, config, ...rest);
      const callback = typeof rest[rest.length - 1] === "function" ? (rest.pop() as Callback) : undefined;
      const name = typeof config === "string" && Array.isArray(rest[0]) && rest.length === 1 ? statementNameOf(config) : undefined;
      const args: [unknown, ...unknown[]] = name === undefined ? [config, ...rest] : [{ name, text: config, values: rest[0] }];
      if (callback) return send(this, args, callback);
      return new Promise((resolve, reject) => send(this, args, (error, result) => (error ? reject(error) : resolve(result))));
    };
  });
}

/** The statement's answer is lost: it fails, and so does the connection, which the pool then drops. */
function lost(client: PgClient, settle: Callback): void {
  settle(new Error(READ_TIMEOUT_MESSAGE));
  client.connection.stream.destroy();
}
