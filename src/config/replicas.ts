import { POSTGRES_URL } from "./database";
import { parseInteger, parsePositive } from "./parse";

/** PostgreSQL read replicas: where anonymous reads go, and when one is skipped. */
export interface ReplicaOptions {
  /** DATABASE_REPLICA_URLS, comma-separated; empty: every statement goes to DATABASE_URL. */
  urls: string[];
  /** A replica further behind the primary than this is skipped until it catches up. */
  maxLagMs: number;
  /** How often each replica's health and lag are measured. */
  checkIntervalMs: number;
}

export const DEFAULT_REPLICAS: ReplicaOptions = { urls: [], maxLagMs: 5000, checkIntervalMs: 1000 };

export function loadReplicas(env: NodeJS.ProcessEnv): ReplicaOptions {
  const urls = (env.DATABASE_REPLICA_URLS ?? "")
    .split(",")
    .map((url) => url.trim())
    .filter(Boolean);
  for (const url of urls) {
    if (!POSTGRES_URL.test(url)) throw new Error(`DATABASE_REPLICA_URLS must list postgres:// URLs, got "${url}"`);
  }
  if (urls.length > 0 && !POSTGRES_URL.test(env.DATABASE_URL ?? "")) throw new Error("DATABASE_REPLICA_URLS needs a postgres:// DATABASE_URL");
  return {
    urls,
    maxLagMs: parseInteger("REPLICA_MAX_LAG_MS", env.REPLICA_MAX_LAG_MS, DEFAULT_REPLICAS.maxLagMs),
    checkIntervalMs: parsePositive("REPLICA_CHECK_INTERVAL_MS", env.REPLICA_CHECK_INTERVAL_MS, DEFAULT_REPLICAS.checkIntervalMs),
  };
}
