import { Logger } from "../logger";
import { RedisConnections } from "../redis/redis-connections";
import { InMemoryPubSub, PubSub } from "./pubsub";
import { RedisPubSub } from "./redis-pubsub";

/** Redis when a URL is given, so that every instance sees every event; else this process alone. */
export function createPubSub(redisUrl: string | undefined, connections: RedisConnections, logger: Logger): PubSub {
  return redisUrl ? new RedisPubSub(redisUrl, connections, logger) : new InMemoryPubSub();
}
