import { Gauge } from "prom-client";
import { metricsRegistry } from "../metrics";
import { EventStream } from "./event-stream";

/** Live local subscriptions (a graphql-ws client listening counts one per operation). */
const listenersGauge = new Gauge({
  name: "pubsub_listeners",
  help: "Subscriptions to pub/sub topics open on this instance.",
  registers: [metricsRegistry],
});

/**
 * The events of the whole deployment, by topic: what GraphQL subscriptions
 * listen to. Payloads must survive JSON (they cross instances through
 * Redis), so send ids and plain values, not entities; subscribers re-read
 * what they show.
 *
 * Usage, for any feature:
 *
 *     const articlePublished = topic<{ articleId: number }>("article-published");
 *     await pubsub.publish(articlePublished, { articleId: 7 });      // after the commit
 *     for await (const event of await pubsub.subscribe(articlePublished)) … // in a Subscription's `subscribe`
 *
 * Delivery is at most once, to the subscribers connected at that moment:
 * publish after the transaction commits, never inside it.
 */
export interface PubSub {
  publish<T>(topic: Topic<T>, payload: T): Promise<void>;
  /**
   * A stream of the topic's events, resolved once the subscription is live
   * everywhere (on Redis too): an event published after that reaches it.
   * `return()` on the stream unsubscribes.
   */
  subscribe<T>(topic: Topic<T>): Promise<AsyncIterableIterator<T>>;
  close(): Promise<void>;
}

/** A topic's name, typed with the payload its events carry. */
export interface Topic<T> {
  readonly name: string;
  /** Phantom: only carries T for the compiler. */
  readonly payload?: T;
}

export function topic<T>(name: string): Topic<T> {
  return { name };
}

/**
 * Fans events out to this process's subscribers. On its own it is the
 * single-instance pub/sub; the Redis one feeds it what other instances send.
 */
export class LocalFanOut {
  private readonly listeners = new Map<string, Set<(payload: unknown) => void>>();

  deliver(name: string, payload: unknown): void {
    for (const listener of this.listeners.get(name) ?? []) listener(payload);
  }

  /** `onLast` tells when the topic loses its last local listener. */
  stream<T>(name: string, onLast: () => void = () => {}): AsyncIterableIterator<T> {
    const listeners = this.listeners.get(name) ?? new Set();
    this.listeners.set(name, listeners);
    const listener = (payload: unknown) => stream.push(payload as T);
    const stream = new EventStream<T>(() => {
      listeners.delete(listener);
      listenersGauge.dec();
      if (listeners.size === 0) {
        this.listeners.delete(name);
        onLast();
      }
    });
    listeners.add(listener);
    listenersGauge.inc();
    return stream;
  }
}

/** One process, no network: the default when REDIS_URL is not set. */
export class InMemoryPubSub implements PubSub {
  private readonly fanOut = new LocalFanOut();

  async publish<T>(topic: Topic<T>, payload: T): Promise<void> {
    // Through JSON, as with Redis, so that a payload that would not cross instances fails here too.
    this.fanOut.deliver(topic.name, JSON.parse(JSON.stringify(payload)));
  }

  async subscribe<T>(topic: Topic<T>): Promise<AsyncIterableIterator<T>> {
    return this.fanOut.stream<T>(topic.name);
  }

  async close(): Promise<void> {}
}
