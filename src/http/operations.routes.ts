import { FastifyInstance } from "fastify";
import { DataSource } from "typeorm";
import { metricsRegistry } from "../metrics";

const READINESS_TIMEOUT_MS = 1000;

/**
 * `/healthz` (alive, never touches the database; lists the parts this
 * instance is serving without, such as a Redis connection or a replica),
 * `/readyz` (the primary database reachable, and not shutting down: a
 * degraded part never makes an instance unready, since every one has a
 * fallback) and `/metrics`.
 */
export function registerOperationalRoutes(app: FastifyInstance, dataSource: DataSource, draining: () => boolean, degraded: () => string[] = () => []): void {
  app.get("/healthz", async () => {
    const parts = degraded();
    return parts.length === 0 ? { status: "ok" } : { status: "degraded", degraded: parts };
  });

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
