import "reflect-metadata";
import { config } from "./cli/environment";
import { AddressInfo } from "node:net";
import { createDataSource } from "../ormconfig";
import { explainDatabaseError, explainListenError } from "./cli/failures";
import { boundHeapGrowth } from "./cli/heap-growth";
import { runCommand } from "./cli/run-command";
import { Config } from "./config";
import { GRAPHIQL_PATH } from "./http/graphiql.routes";
import { Logger, createLogger } from "./logger";
import { createServer, serverOptionsFrom } from "./server";
import { isDatabaseEmpty, seedDatabase } from "./seed/seed";
import { startTracing } from "./telemetry";

/**
 * Migrations and the demo seed, on a connection of their own: they may run
 * longer than any request may, so the serving pool's timeouts are not theirs.
 */
async function prepareDatabase(config: Config, logger: Logger): Promise<void> {
  const dataSource = await createDataSource(config.databaseUrl, logger).initialize();
  try {
    await dataSource.runMigrations({ transaction: "each" });
    if (config.demoArticles > 0 && (await isDatabaseEmpty(dataSource))) {
      logger.info({ articles: config.demoArticles }, "empty database: seeding demo content");
      await seedDatabase(dataSource, { articles: config.demoArticles });
    }
  } finally {
    await dataSource.destroy();
  }
}

/** `npm start`: migrate, seed demo content into an empty database, serve until told to stop. */
async function main(): Promise<void> {
  boundHeapGrowth();
  const tracing = config.tracing.endpoint ? await startTracing(config.tracing) : undefined;
  const logger = createLogger(config.logLevel, { fields: tracing?.logFields, format: config.logFormat });
  await prepareDatabase(config, logger).catch((error: unknown) => {
    throw explainDatabaseError(error, config.databaseUrl);
  });
  const dataSource = await createDataSource(config.databaseUrl, logger, config.timeouts, config.replicas.urls.length > 0).initialize();

  const server = await createServer({ dataSource, logger, tracing, ...serverOptionsFrom(config) });
  await server.app.listen({ port: config.port, host: "0.0.0.0" }).catch((error: unknown) => {
    throw explainListenError(error, config.port);
  });
  const { port } = server.app.server.address() as AddressInfo;
  logger.info({ port }, "serving");
  const explorer = config.http.introspection ? ` (explorer: ${GRAPHIQL_PATH})` : "";
  process.stdout.write(`Broadsheet serving http://localhost:${port}/graphql${explorer}\n`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal, drainMs: config.shutdown.drainMs, graceMs: config.shutdown.graceMs }, "shutting down");
    await server.shutdown();
    await dataSource.destroy();
    // A collector that is down loses the last spans, never the exit code.
    await tracing?.shutdown().catch((error: unknown) => logger.warn({ err: error }, "the last spans could not be sent"));
    logger.info("stopped");
    process.exit(0);
  };
  process.once("SIGTERM", () => void stop("SIGTERM"));
  process.once("SIGINT", () => void stop("SIGINT"));
}

runCommand(main);
