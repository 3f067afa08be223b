import "reflect-metadata";
import { AddressInfo } from "node:net";
import { DataSource } from "typeorm";
import { createDataSource } from "../../ormconfig";
import { TimeoutOptions } from "../../src/config";
import { createLogger } from "../../src/logger";
import { createServer, Server, ServerDeps } from "../../src/server";
import { DatabaseKind, TestDatabase } from "./databases";
import { requireRedis } from "./redis";

export interface GraphQLResponse<T = any> {
  status: number;
  headers: Headers;
  body: {
    data?: T;
    errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, any> }[];
    extensions?: Record<string, unknown>;
  };
}

/**
 * The machine running the tests is shared and noisy (200 concurrent writes
 * may wait seconds for a pooled connection): tests that are not about
 * timeouts get budgets no healthy run reaches; those that are set their own.
 */
const UNHURRIED: TimeoutOptions = { executionMs: 60_000, databaseConnectMs: 60_000 };

/** Migrations run on a connection of their own, as `npm start` runs them: the serving pool's timeouts are not theirs. */
async function migrateDatabase(url: string): Promise<void> {
  const dataSource = await createDataSource(url).initialize();
  try {
    await dataSource.runMigrations();
  } finally {
    await dataSource.destroy();
  }
}

/** A real server on a fresh, migrated database, listening on a free port. */
export class TestServer {
  private constructor(
    readonly kind: DatabaseKind["name"],
    readonly baseUrl: string,
    readonly dataSource: DataSource,
    private readonly server: Server,
    private readonly database: TestDatabase,
  ) {}

  static async start(kind: DatabaseKind, options: Partial<ServerDeps> = {}): Promise<TestServer> {
    const database = await kind.create();
    return TestServer.serve(kind.name, database, options, true);
  }

  /** A server on `database`, which the caller made and the server drops when it stops (a database behind a proxy). */
  static async on(kind: DatabaseKind["name"], database: TestDatabase, options: Partial<ServerDeps> = {}): Promise<TestServer> {
    return TestServer.serve(kind, database, options, true);
  }

  /** A second instance on this server's database, as behind a load balancer; stopping it leaves the database. */
  async sibling(options: Partial<ServerDeps> = {}): Promise<TestServer> {
    return TestServer.serve(this.kind, { url: this.database.url, drop: async () => undefined }, options, false);
  }

  private static async serve(kind: DatabaseKind["name"], database: TestDatabase, options: Partial<ServerDeps>, migrate: boolean): Promise<TestServer> {
    const redisUrl = options.caching?.redisUrl ?? options.comments?.redisUrl;
    if (redisUrl) await requireRedis(redisUrl);
    // A logger given in `options` is the data source's too, so the statements it logs are the test's to read.
    const logger = options.logger ?? createLogger(process.env.TEST_LOG_LEVEL ?? "silent");
    if (migrate) await migrateDatabase(database.url);
    const timeouts = options.timeouts ?? UNHURRIED;
    const dataSource = await createDataSource(database.url, logger, timeouts, (options.replicas?.urls.length ?? 0) > 0).initialize();
    // A scheduler tick sends SQL at any moment, and `countQueries` would count it: only the tests about it run one.
    const server = await createServer({ dataSource, logger, timeouts, schedulerIntervalMs: 0, ...options });
    await server.app.listen({ port: 0, host: "127.0.0.1" });
    const { port } = server.app.server.address() as AddressInfo;
    return new TestServer(kind, `http://127.0.0.1:${port}`, dataSource, server, database);
  }

  async stop(): Promise<void> {
    await this.server.close();
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
    await this.database.drop();
  }

  /** POSTs an operation to /graphql as a client would. */
  async graphql<T = any>(query: string, variables?: Record<string, unknown>, headers: Record<string, string> = {}): Promise<GraphQLResponse<T>> {
    const response = await fetch(`${this.baseUrl}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: JSON.stringify({ query, variables }),
    });
    return { status: response.status, headers: response.headers, body: (await response.json()) as GraphQLResponse<T>["body"] };
  }

  /** The data of an operation that must succeed: fails the test on any GraphQL error. */
  async data<T = any>(query: string, variables?: Record<string, unknown>, headers: Record<string, string> = {}): Promise<T> {
    const response = await this.graphql<T>(query, variables, headers);
    if (response.body.errors?.length || response.status !== 200) {
      throw new Error(`GraphQL errors (HTTP ${response.status}): ${JSON.stringify(response.body.errors)}`);
    }
    return response.body.data as T;
  }

  /** `db_queries_total` as `/metrics` reports it. */
  async queriesSent(): Promise<number> {
    const text = await (await fetch(`${this.baseUrl}/metrics`)).text();
    const match = /^db_queries_total (\d+)/m.exec(text);
    if (!match) throw new Error("db_queries_total missing from /metrics");
    return Number(match[1]);
  }

  /** How many SQL statements one operation sent, read from `/metrics` around it. */
  async countQueries(query: string, variables?: Record<string, unknown>, headers: Record<string, string> = {}): Promise<number> {
    const before = await this.queriesSent();
    await this.data(query, variables, headers);
    return (await this.queriesSent()) - before;
  }
}
