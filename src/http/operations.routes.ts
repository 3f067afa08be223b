import { FastifyInstance } from "fastify";
import { DataSource } from "typeorm";
import { metricsRegistry } from "../metrics";

const READINESS_TIMEOUT_MS = 1000;

/**
 * `/healthz` (alive, never touches the database), `/readyz` (database
 * reachable, and not shutting down) and `/metrics`.
 */
export function registerOperationalRoutes(app: FastifyInstance, dataSource: DataSource, draining: () => boolean): void {
  app.get("/healthz", async () => ({ status: "ok" }));

  app.get("/readyz", async (_request, reply) => {
    if (draining()) return reply.code(503).send({ status: "draining" });
    const ready = await databaseAnswers(dataSource);
    return reply.code(ready ? 200 : 503).send({ status: ready ? "ready" : "database unavailable" });
  });

  app.get("/metrics", async (_request, reply) => {
    return reply.type(metricsRegistry.contentType).send(await metricsRegistry.metrics());
  });
}

async function databaseAnswers(dataSource: DataSource): Promise<boolean> {
  if (!dataSource.isInitialized) return false;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), READINESS_TIMEOUT_MS);
  });
  const probe = dataSource.query("SELECT 1").then(
    () => true,
    () => false,
  );
  try {
    return await Promise.race([probe, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
