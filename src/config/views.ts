import { parsePositive } from "./parse";
import { RateLimit, parseRateLimit } from "./rate-limit";

/** How "Most read" counts views (`recordView`): from the environment, every field defaulting. */
export interface ViewOptions {
  /**
   * How often this instance writes the views it counted to the database
   * (`VIEW_FLUSH_INTERVAL_MS`): counts lag by at most this much, and a crash
   * loses at most this much of the instance's views.
   */
  flushIntervalMs: number;
  /** recordView calls per client address (`VIEW_RATE_LIMIT`); past it, views are not counted. */
  rateLimit: RateLimit;
  /** Who has been counted already, in Redis, so that a reader counts once across instances; unset: in this process. */
  redisUrl?: string;
  /** Prefix of the Redis keys: tests give each server its own. */
  keyPrefix: string;
}

export const DEFAULT_VIEWS: ViewOptions = {
  flushIntervalMs: 10_000,
  rateLimit: { limit: 120, windowMs: 60_000 },
  keyPrefix: "broadsheet:",
};

export function loadViews(env: NodeJS.ProcessEnv): ViewOptions {
  return {
    flushIntervalMs: parsePositive("VIEW_FLUSH_INTERVAL_MS", env.VIEW_FLUSH_INTERVAL_MS, DEFAULT_VIEWS.flushIntervalMs),
    rateLimit: env.VIEW_RATE_LIMIT ? parseRateLimit("VIEW_RATE_LIMIT", env.VIEW_RATE_LIMIT) : DEFAULT_VIEWS.rateLimit,
    redisUrl: env.REDIS_URL || undefined,
    keyPrefix: DEFAULT_VIEWS.keyPrefix,
  };
}
