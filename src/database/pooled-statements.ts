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

interface PgPool {
  on(event: "acquire", listener: (client: PgClient) => void): unknown;
}

/** The pg clients already set up. */
const wrapped = new WeakSet<object>();

/**
 * How every connection of `dataSource`'s serving pool runs TypeORM's
 * statements (PostgreSQL; nothing on SQLite):
 * - texts marked by `nameStatement` run as named prepared statements
 *   (TypeORM calls pg with the text and values only);
 * - pg gets a callback when it makes its query, not its promise API nor
 *   its `query_timeout`: both set the query's callback after making it,
 *   and with a closure stored so, V8's scavenges kept every answer's rows
 *   alive until the next full collection (BENCHMARKS.md has the measure);
 * - an answer that has not come `statement_timeout` plus a margin after
 *   the statement was sent is lost in the network (a partition, a dead
 *   host): the statement fails with `READ_TIMEOUT_MESSAGE` and the
 *   connection is closed, so the pool replaces it instead of queueing the
 *   next statements behind an answer that will not come.
 * `executionMs` is the serving pool's `statement_timeout`; 0 waits for ever.
 */
export function runPooledStatements(dataSource: DataSource, executionMs: number): void {
  if (!isPostgres(dataSource)) return;
  const readTimeoutMs = executionMs > 0 ? executionMs + NETWORK_MARGIN_MS : 0;
  const pool = (dataSource.driver as unknown as { master?: PgPool }).master;
  pool?.on("acquire", (client) => {
    if (wrapped.has(client)) return;
    wrapped.add(client);
    const query = client.query;
    client.query = function (this: PgClient, config: unknown, ...rest: unknown[]) {
      const name = typeof config === "string" && Array.isArray(rest[0]) && rest.length === 1 ? statementNameOf(config) : undefined;
      const args: [unknown, ...unknown[]] = name === undefined ? [config, ...rest] : [{ name, text: config, values: rest[0] }];
      // A caller with its own callback (or a submittable query) keeps pg's way.
      if (typeof args[args.length - 1] === "function" || typeof (config as { submit?: unknown } | null)?.submit === "function") return query.apply(this, args);
      return new Promise((resolve, reject) => {
        const timer = readTimeoutMs > 0 ? setTimeout(() => lost(this, reject), readTimeoutMs) : undefined;
        const done: Callback = (error, result) => {
          clearTimeout(timer);
          if (error) reject(error);
          else resolve(result);
        };
        query.call(this, ...args, done);
      });
    };
  });
}

/** The statement's answer is lost: it fails, and so does the connection, which the pool then drops. */
function lost(client: PgClient, reject: (error: Error) => void): void {
  reject(new Error(READ_TIMEOUT_MESSAGE));
  client.connection.stream.destroy();
}
