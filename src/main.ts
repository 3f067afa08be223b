import "reflect-metadata";
import { AddressInfo } from "node:net";
import { createDataSource } from "../ormconfig";
import { loadConfig } from "./config";
import { createLogger } from "./logger";
import { createServer, serverOptionsFrom } from "./server";
import { isDatabaseEmpty, seedDatabase } from "./seed/seed";

/** `npm start`: migrate, seed demo content into an empty database, serve until told to stop. */
async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const dataSource = await createDataSource(config.databaseUrl, logger).initialize();
  await dataSource.runMigrations({ transaction: "each" });
  if (config.demoArticles > 0 && (await isDatabaseEmpty(dataSource))) {
    logger.info({ articles: config.demoArticles }, "empty database: seeding demo content");
    await seedDatabase(dataSource, { articles: config.demoArticles });
  }

  const server = await createServer({ dataSource, logger, ...serverOptionsFrom(config) });
  await server.app.listen({ port: config.port, host: "0.0.0.0" });
  const { port } = server.app.server.address() as AddressInfo;
  logger.info({ port }, `Broadsheet serving http://localhost:${port}/graphql`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "shutting down");
    await server.close();
    await dataSource.destroy();
    process.exit(0);
  };
  process.once("SIGTERM", () => void stop("SIGTERM"));
  process.once("SIGINT", () => void stop("SIGINT"));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
