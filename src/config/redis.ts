import { parsePositive } from "./parse";

/** How long any Redis command may take before its caller falls back (`REDIS_TIMEOUT_MS`). */
export interface RedisOptions {
  timeoutMs: number;
}

export const DEFAULT_REDIS: RedisOptions = { timeoutMs: 250 };

export function loadRedis(env: NodeJS.ProcessEnv): RedisOptions {
  return { timeoutMs: parsePositive("REDIS_TIMEOUT_MS", env.REDIS_TIMEOUT_MS, DEFAULT_REDIS.timeoutMs) };
}
