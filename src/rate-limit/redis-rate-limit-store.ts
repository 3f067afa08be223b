import Redis from "ioredis";
import { RateLimitStore, WindowCount } from "./rate-limit-store";

const KEY_PREFIX = "broadsheet:rate:";

/** Counters shared by every instance: a key per window that Redis expires itself. */
export class RedisRateLimitStore implements RateLimitStore {
  constructor(private readonly redis: Redis) {}

  async hit(key: string, windowMs: number): Promise<WindowCount> {
    const name = KEY_PREFIX + key;
    // One round trip, atomic: the first attempt of a window sets its expiry, later ones only count.
    const results = await this.redis.multi().set(name, 0, "PX", windowMs, "NX").incr(name).pttl(name).exec();
    if (!results) throw new Error("rate-limit transaction aborted");
    for (const [error] of results) if (error) throw error;
    const count = Number(results[1][1]);
    const ttl = Number(results[2][1]);
    return { count, resetInMs: ttl > 0 ? ttl : windowMs };
  }

  async close(): Promise<void> {
    this.redis.disconnect();
  }
}
