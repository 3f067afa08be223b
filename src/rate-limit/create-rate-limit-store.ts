import { RedisConnections } from "../redis/redis-connections";
import { InMemoryRateLimitStore, RateLimitStore, WindowCount } from "./rate-limit-store";
import { RedisRateLimitStore } from "./redis-rate-limit-store";

/**
 * Redis when a URL is given, so that every instance counts against the same
 * limit; else this process alone. While Redis fails, each instance counts
 * in its own memory: a client may then get the limit once per instance,
 * never an error.
 */
export function createRateLimitStore(redisUrl: string | undefined, connections: RedisConnections): RateLimitStore {
  return redisUrl
    ? new FallbackRateLimitStore(new RedisRateLimitStore(connections.open(redisUrl, "rate-limit")), new InMemoryRateLimitStore())
    : new InMemoryRateLimitStore();
}

class FallbackRateLimitStore implements RateLimitStore {
  constructor(
    private readonly shared: RateLimitStore,
    private readonly local: RateLimitStore,
  ) {}

  async hit(key: string, windowMs: number): Promise<WindowCount> {
    try {
      return await this.shared.hit(key, windowMs);
    } catch {
      return this.local.hit(key, windowMs);
    }
  }

  async close(): Promise<void> {
    await Promise.all([this.shared.close(), this.local.close()]);
  }
}
