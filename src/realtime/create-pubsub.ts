import { Logger } from "../logger";
import { InMemoryPubSub, PubSub } from "./pubsub";
import { RedisPubSub } from "./redis-pubsub";

/** Redis when a URL is given, so that every instance sees every event; else this process alone. */
export function createPubSub(redisUrl: string | undefined, logger: Logger): PubSub {
  return redisUrl ? new RedisPubSub(redisUrl, logger) : new InMemoryPubSub();
}
