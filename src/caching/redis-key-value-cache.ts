import { KeyValueCache, KeyValueCacheSetOptions } from "@apollo/utils.keyvaluecache";
import Redis from "ioredis";

/**
 * Apollo's KeyValueCache on the ioredis client the server already has.
 * Apollo's own answer is KeyvAdapter + keyv + @keyv/redis, which brings a
 * second Redis client (node-redis) for three commands; this is those three.
 */
export class RedisKeyValueCache implements KeyValueCache<string> {
  constructor(
    private readonly redis: Redis,
    private readonly keyPrefix: string,
  ) {}

  async get(key: string): Promise<string | undefined> {
    return (await this.redis.get(this.keyPrefix + key)) ?? undefined;
  }

  async set(key: string, value: string, options?: KeyValueCacheSetOptions): Promise<void> {
    if (options?.ttl) await this.redis.set(this.keyPrefix + key, value, "EX", options.ttl);
    else await this.redis.set(this.keyPrefix + key, value);
  }

  async delete(key: string): Promise<boolean> {
    return (await this.redis.del(this.keyPrefix + key)) > 0;
  }
}
