import Redis from "ioredis";
import { Logger } from "../logger";
import { RedisConnections, neverSent } from "../redis/redis-connections";
import { LocalFanOut, PubSub, Topic } from "./pubsub";

const CHANNEL_PREFIX = "broadsheet:";

/**
 * Pub/sub across instances through Redis channels. A subscribed Redis
 * connection can do nothing else, hence two; each instance subscribes to a
 * channel only while one of its own clients listens to that topic.
 *
 * While Redis is down, events stay on the instance that published them:
 * its own subscribers still get each one once, the other instances' miss
 * it. Subscriptions made meanwhile wait for the connection; on every
 * (re)connection the subscriber connection subscribes again to every topic
 * someone here listens to.
 */
export class RedisPubSub implements PubSub {
  private readonly publisher: Redis;
  private readonly subscriber: Redis;
  private readonly fanOut = new LocalFanOut();
  /** Channels with at least one local listener: what a new connection must subscribe to. */
  private readonly channels = new Set<string>();

  constructor(
    url: string,
    connections: RedisConnections,
    private readonly logger: Logger,
  ) {
    this.publisher = connections.open(url, "pubsub-publish");
    this.subscriber = connections.open(url, "pubsub-subscribe", { autoResubscribe: false });
    this.subscriber.on("message", (channel: string, message: string) => {
      this.fanOut.deliver(channel.slice(CHANNEL_PREFIX.length), JSON.parse(message));
    });
    this.subscriber.on("ready", () => {
      if (this.channels.size > 0) this.subscriber.subscribe(...this.channels).catch((err) => this.logger.warn({ err }, "redis resubscribe failed"));
    });
  }

  async publish<T>(topic: Topic<T>, payload: T): Promise<void> {
    try {
      await this.publisher.publish(CHANNEL_PREFIX + topic.name, JSON.stringify(payload));
    } catch (err) {
      // Only an event Redis never saw is delivered here: one that timed out may still come back through Redis.
      if (neverSent(err)) this.fanOut.deliver(topic.name, JSON.parse(JSON.stringify(payload)));
      else this.logger.warn({ err, topic: topic.name }, "event not published: Redis did not answer in time");
    }
  }

  async subscribe<T>(topic: Topic<T>): Promise<AsyncIterableIterator<T>> {
    const channel = CHANNEL_PREFIX + topic.name;
    // Listening locally before subscribing: the last listener leaving meanwhile then does not unsubscribe the channel.
    const stream = this.fanOut.stream<T>(topic.name, () => {
      this.channels.delete(channel);
      this.subscriber.unsubscribe(channel).catch((err) => this.logger.debug({ err, channel }, "redis unsubscribe failed"));
    });
    this.channels.add(channel);
    // Subscribing to a channel already subscribed is a no-op on Redis: simpler than tracking who asked first.
    // Without Redis, the subscription still gets this instance's events, and the others' once it is back.
    await this.subscriber
      .subscribe(channel)
      .catch((err) => this.logger.warn({ err, channel }, "redis subscribe failed: local events only until Redis is back"));
    return stream;
  }

  async close(): Promise<void> {
    this.publisher.disconnect();
    this.subscriber.disconnect();
  }
}
