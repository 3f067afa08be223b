import Redis from "ioredis";
import { Logger } from "../logger";
import { LocalFanOut, PubSub, Topic } from "./pubsub";

const CHANNEL_PREFIX = "broadsheet:";

/**
 * Pub/sub across instances through Redis channels. A subscribed Redis
 * connection can do nothing else, hence two; each instance subscribes to a
 * channel only while one of its own clients listens to that topic.
 */
export class RedisPubSub implements PubSub {
  private readonly publisher: Redis;
  private readonly subscriber: Redis;
  private readonly fanOut = new LocalFanOut();

  constructor(url: string, private readonly logger: Logger) {
    this.publisher = new Redis(url, { maxRetriesPerRequest: 3 });
    this.subscriber = new Redis(url);
    this.subscriber.on("message", (channel: string, message: string) => {
      this.fanOut.deliver(channel.slice(CHANNEL_PREFIX.length), JSON.parse(message));
    });
    for (const connection of [this.publisher, this.subscriber]) {
      connection.on("error", (err) => this.logger.warn({ err }, "redis pub/sub connection error"));
    }
  }

  async publish<T>(topic: Topic<T>, payload: T): Promise<void> {
    await this.publisher.publish(CHANNEL_PREFIX + topic.name, JSON.stringify(payload));
  }

  async subscribe<T>(topic: Topic<T>): Promise<AsyncIterableIterator<T>> {
    const channel = CHANNEL_PREFIX + topic.name;
    // Listening locally before subscribing: the last listener leaving meanwhile then does not unsubscribe the channel.
    const stream = this.fanOut.stream<T>(topic.name, () => {
      this.subscriber.unsubscribe(channel).catch((err) => this.logger.warn({ err, channel }, "redis unsubscribe failed"));
    });
    // Subscribing to a channel already subscribed is a no-op on Redis: simpler than tracking who asked first.
    await this.subscriber.subscribe(channel);
    return stream;
  }

  async close(): Promise<void> {
    this.publisher.disconnect();
    this.subscriber.disconnect();
  }
}
