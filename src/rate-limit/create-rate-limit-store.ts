import { InMemoryRateLimitStore, RateLimitStore } from "./rate-limit-store";
import { RedisRateLimitStore } from "./redis-rate-limit-store";

/** Redis when a URL is given, so that every instance counts against the same limit; else this process alone. */
export function createRateLimitStore(redisUrl: string | undefined): RateLimitStore {
  return redisUrl ? new RedisRateLimitStore(redisUrl) : new InMemoryRateLimitStore();
}
