import { InMemoryLRUCache } from "@apollo/utils.keyvaluecache";

/** An answer as it was sent: the bytes, their media type and the headers a hit repeats. */
export interface CachedAnswer {
  body: string;
  contentType: string;
  cacheControl: string;
  /** The CDN tags of the answer, space-separated (`Surrogate-Key`); empty when none are sent. */
  surrogateKeys: string;
  /** Its ETag and Last-Modified, for conditional GETs of a hit; empty when the answer has none. */
  etag: string;
  lastModified: string;
}

/**
 * What a lookup found, and when it looked, on the cache's purge clock: an
 * answer computed afterwards is stored only if none of its tags was purged
 * since.
 */
export interface Lookup {
  since: string;
  answer?: CachedAnswer;
}

/**
 * The anonymous response cache, purged by tag. Every entry carries the tags
 * of what its answer shows (see `cache-tags.ts`); `purge(tags)` drops the
 * entries carrying any of them and marks the tags purged at the current
 * clock. `store` refuses an answer one of whose tags was purged after its
 * lookup (the answer may have been read before that write committed), or
 * whose lookup is older than the TTL, the time purge marks are kept. So no
 * answer is served after a write that changed what it shows, however
 * requests and writes interleave.
 */
export interface ResponseCache {
  readonly enabled: boolean;
  lookup(key: string): Promise<Lookup>;
  /** Whether the answer was stored. */
  store(lookup: StoreAt, key: string, answer: CachedAnswer, tags: readonly string[]): Promise<boolean>;
  /** Every write of visible content calls this after its commit, with the tags of what it changed. */
  purge(tags: readonly string[]): Promise<void>;
}

/** Where a miss's lookup stood: its purge clock and when it happened (ms since the epoch). */
export interface StoreAt {
  since: string;
  at: number;
}

/** RESPONSE_CACHE=off: nothing is stored, a purge costs nothing. */
export const noResponseCache: ResponseCache = {
  enabled: false,
  lookup: async () => ({ since: "0" }),
  store: async () => false,
  purge: async () => undefined,
};

interface Entry {
  answer: CachedAnswer;
  tags: readonly string[];
}

/** One process's cache, bounded by the characters of its answers, with an index from each tag to the entries carrying it. */
export class MemoryResponseCache implements ResponseCache {
  readonly enabled = true;
  private clock = 0;
  private readonly entries: InMemoryLRUCache<Entry>;
  private readonly keysByTag = new Map<string, Set<string>>();
  /** Tag -> the clock and time of its last purge, kept for the TTL. */
  private readonly purged = new Map<string, { clock: number; at: number }>();

  constructor(
    maxBytes: number,
    private readonly ttlSeconds: number,
  ) {
    this.entries = new InMemoryLRUCache<Entry>({
      maxSize: maxBytes,
      sizeCalculation: (entry) => entry.answer.body.length + entry.answer.contentType.length + entry.answer.surrogateKeys.length + 64,
      // Evicted, expired or replaced: the index forgets the key too.
      dispose: (entry: Entry, key: string) => this.unindex(key, entry.tags),
    });
  }

  async lookup(key: string): Promise<Lookup> {
    return { since: String(this.clock), answer: (await this.entries.get(key))?.answer };
  }

  async store(lookup: StoreAt, key: string, answer: CachedAnswer, tags: readonly string[]): Promise<boolean> {
    if (Date.now() - lookup.at > this.ttlSeconds * 1000) return false;
    const since = Number(lookup.since);
    if (tags.some((tag) => (this.purged.get(tag)?.clock ?? -1) > since)) return false;
    await this.entries.set(key, { answer, tags }, { ttl: this.ttlSeconds });
    for (const tag of tags) {
      let keys = this.keysByTag.get(tag);
      if (!keys) this.keysByTag.set(tag, (keys = new Set()));
      keys.add(key);
    }
    return true;
  }

  async purge(tags: readonly string[]): Promise<void> {
    const now = Date.now();
    this.clock++;
    this.forgetOldMarks(now);
    for (const tag of tags) {
      this.purged.set(tag, { clock: this.clock, at: now });
      for (const key of [...(this.keysByTag.get(tag) ?? [])]) await this.entries.delete(key);
      this.keysByTag.delete(tag);
    }
  }

  private unindex(key: string, tags: readonly string[]): void {
    for (const tag of tags) {
      const keys = this.keysByTag.get(tag);
      keys?.delete(key);
      if (keys?.size === 0) this.keysByTag.delete(tag);
    }
  }

  /** A mark older than the TTL can stop no store: lookups that old are refused anyway. */
  private forgetOldMarks(now: number): void {
    for (const [tag, mark] of this.purged) if (now - mark.at > this.ttlSeconds * 1000) this.purged.delete(tag);
  }
}
