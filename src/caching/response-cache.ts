import { InMemoryLRUCache } from "@apollo/utils.keyvaluecache";

/** An answer as it was sent: the bytes and their media type. */
export interface CachedAnswer {
  body: string;
  contentType: string;
}

/** What a lookup found, and the content generation it was made in: a fresh answer is stored under that generation. */
export interface Lookup {
  generation: string;
  answer?: CachedAnswer;
}

/**
 * The anonymous response cache. Every entry belongs to a content
 * generation, and `contentChanged()` starts a new one: an answer computed
 * before a write can only have been stored under the generation read before
 * that write, which no later lookup reads. So no answer is served after a
 * write that it predates, however requests and writes interleave.
 */
export interface ResponseCache {
  readonly enabled: boolean;
  lookup(key: string): Promise<Lookup>;
  store(generation: string, key: string, answer: CachedAnswer): Promise<void>;
  /** Every write of visible content calls this after its commit (`services.contentChanged()`). */
  contentChanged(): Promise<void>;
}

/** RESPONSE_CACHE=off: nothing is stored, a content change costs nothing. */
export const noResponseCache: ResponseCache = {
  enabled: false,
  lookup: async () => ({ generation: "0" }),
  store: async () => undefined,
  contentChanged: async () => undefined,
};

/** One process's cache, bounded by the characters of its answers; a content change drops every entry. */
export class MemoryResponseCache implements ResponseCache {
  readonly enabled = true;
  private generation = 0;
  private readonly entries: InMemoryLRUCache<CachedAnswer>;

  constructor(
    maxBytes: number,
    private readonly ttlSeconds: number,
  ) {
    this.entries = new InMemoryLRUCache<CachedAnswer>({ maxSize: maxBytes, sizeCalculation: (answer) => answer.body.length + answer.contentType.length });
  }

  async lookup(key: string): Promise<Lookup> {
    return { generation: String(this.generation), answer: await this.entries.get(key) };
  }

  async store(generation: string, key: string, answer: CachedAnswer): Promise<void> {
    // An answer computed before the last content change is already stale.
    if (generation === String(this.generation)) await this.entries.set(key, answer, { ttl: this.ttlSeconds });
  }

  async contentChanged(): Promise<void> {
    this.generation++;
    this.entries.clear();
  }
}
