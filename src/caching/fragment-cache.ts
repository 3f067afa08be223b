import { Logger } from "../logger";
import { fragmentCacheHits, fragmentCacheMisses } from "../metrics";
import { CachedAnswer, ResponseCache, noResponseCache } from "./response-cache";

/** How a fragment is kept as text, and read back. */
export interface FragmentCodec<V> {
  encode(value: V): string;
  decode(text: string): V;
}

/** A value as its loader computed it, and the tags to keep it under: null when it must not be kept. */
export interface Fragment<V> {
  value: V;
  tags: readonly string[] | null;
}

/**
 * Values that many answers are built from and that outlive them, kept in
 * the response cache's store (memory or Redis) under keys of their own with
 * the tags of what they depend on. A write purges them as it purges
 * answers, so a purge that drops an answer keeps the fragments the write
 * did not change: a new comment makes its article's page be computed
 * again, but not the page's related-articles ranking. The answers' guard
 * holds for fragments: one whose tags were purged after its lookup is not
 * kept. A store that fails makes a miss, never a failed read. Off with the
 * response cache (RESPONSE_CACHE=off): everything is computed every time.
 */
export class FragmentCache {
  constructor(
    private readonly store: ResponseCache,
    private readonly logger?: Logger,
  ) {}

  /** Whether fragments are kept at all (not with RESPONSE_CACHE=off). */
  get keeps(): boolean {
    return this.store.enabled;
  }

  /** `load(ids)` for the ids the store does not hold, in the order of `ids`; what it computed is kept when it says so. */
  async through<V>(kind: string, ids: readonly number[], codec: FragmentCodec<V>, load: (ids: number[]) => Promise<Fragment<V>[]>): Promise<V[]> {
    if (!this.store.enabled) return (await load([...ids])).map((fragment) => fragment.value);
    const at = Date.now();
    const keys = ids.map((id) => `fragment:${kind}:${id}`);
    // A store that cannot be reached: every fragment is a miss (the answer's own lookup has logged it).
    const lookups = await Promise.all(keys.map((key) => this.store.lookup(key).catch(() => null)));
    const values: V[] = new Array(ids.length);
    const missing: number[] = [];
    lookups.forEach((lookup, index) => {
      if (lookup?.answer) values[index] = codec.decode(lookup.answer.body);
      else missing.push(index);
    });
    fragmentCacheHits.inc(ids.length - missing.length);
    if (missing.length === 0) return values;
    fragmentCacheMisses.inc(missing.length);
    const computed = await load(missing.map((index) => ids[index]));
    const stores: Promise<unknown>[] = [];
    missing.forEach((index, position) => {
      const { value, tags } = computed[position];
      values[index] = value;
      const lookup = lookups[index];
      if (tags && lookup) stores.push(this.store.store({ since: lookup.since, at }, keys[index], fragmentAnswer(codec.encode(value)), tags));
    });
    await Promise.all(stores).catch((err: unknown) => this.logger?.warn({ err, kind }, "fragment not cached"));
    return values;
  }
}

/** A fragment in the store's shape: no headers, only the body. */
function fragmentAnswer(body: string): CachedAnswer {
  return { body, contentType: "application/json", cacheControl: "", surrogateKeys: "", etag: "", lastModified: "" };
}

/** For services built without a server (CLIs, tests): nothing is kept. */
export const noFragmentCache = new FragmentCache(noResponseCache);
