import Redis from "ioredis";
import { CachedAnswer, Lookup, ResponseCache, StoreAt } from "./response-cache";

/** The purge clock and the entry in one round trip. */
const LOOKUP_SCRIPT = `return { redis.call('GET', KEYS[1]) or '0', redis.call('GET', KEYS[2]) }`;

/**
 * KEYS[1] the entry; ARGV: since, ttl, value, key prefix, then the tags.
 * Refuses the answer if one of its tags was purged after `since`; else sets
 * it and adds it to each tag's set, which lives as long as its newest entry.
 */
const STORE_SCRIPT = `
local since = tonumber(ARGV[1])
for i = 5, #ARGV do
  local mark = redis.call('GET', ARGV[4] .. 'purged:' .. ARGV[i])
  if mark and tonumber(mark) > since then return 0 end
end
redis.call('SET', KEYS[1], ARGV[3], 'EX', ARGV[2])
for i = 5, #ARGV do
  local set = ARGV[4] .. 'tag:' .. ARGV[i]
  redis.call('SADD', set, KEYS[1])
  redis.call('EXPIRE', set, ARGV[2])
end
return 1`;

/**
 * KEYS[1] the purge clock; ARGV: key prefix, ttl, then the tags. Advances
 * the clock, marks each tag purged at it for the TTL, and deletes the
 * entries of each tag's set with the set.
 */
const PURGE_SCRIPT = `
local now = redis.call('INCR', KEYS[1])
for i = 3, #ARGV do
  redis.call('SET', ARGV[1] .. 'purged:' .. ARGV[i], now, 'EX', ARGV[2])
  local set = ARGV[1] .. 'tag:' .. ARGV[i]
  local members = redis.call('SMEMBERS', set)
  for j = 1, #members, 1000 do
    redis.call('DEL', unpack(members, j, math.min(j + 999, #members)))
  end
  redis.call('DEL', set)
end
return now`;

/** Separates the stored fields: media type, Cache-Control, CDN tags, body. */
const SEPARATOR = "\n";
/** The fields before the body, each on a line of its own (header values hold no newline). */
const HEADER_FIELDS = 5;

type Command = (...args: (string | number)[]) => Promise<unknown>;

/**
 * The response cache shared by every instance: entries are keys that Redis
 * expires after the TTL (and evicts under its own `maxmemory` policy), each
 * tag a set of the entries that carry it, and a purge on any instance
 * deletes them for all. The scripts build key names from the prefix, so
 * this needs one Redis (or a primary), not a Redis Cluster.
 */
export class RedisResponseCache implements ResponseCache {
  readonly enabled = true;
  private readonly clockKey: string;
  private readonly prefix: string;
  private readonly commands: Record<"lookup" | "store" | "purge", Command>;

  constructor(
    redis: Redis,
    keyPrefix: string,
    private readonly ttlSeconds: number,
  ) {
    this.prefix = `${keyPrefix}response:`;
    this.clockKey = `${this.prefix}clock`;
    redis.defineCommand("broadsheetResponseLookup", { numberOfKeys: 2, lua: LOOKUP_SCRIPT });
    redis.defineCommand("broadsheetResponseStore", { numberOfKeys: 1, lua: STORE_SCRIPT });
    redis.defineCommand("broadsheetResponsePurge", { numberOfKeys: 1, lua: PURGE_SCRIPT });
    const defined = redis as unknown as Record<string, Command>;
    this.commands = {
      lookup: defined.broadsheetResponseLookup.bind(redis),
      store: defined.broadsheetResponseStore.bind(redis),
      purge: defined.broadsheetResponsePurge.bind(redis),
    };
  }

  async lookup(key: string): Promise<Lookup> {
    const [since, stored] = (await this.commands.lookup(this.clockKey, this.entryKey(key))) as [string, string | null | undefined];
    if (!stored) return { since };
    const fields = stored.split(SEPARATOR, HEADER_FIELDS);
    const [contentType, cacheControl, surrogateKeys, etag, lastModified] = fields;
    const body = stored.slice(fields.reduce((length, field) => length + field.length + SEPARATOR.length, 0));
    return { since, answer: { contentType, cacheControl, surrogateKeys, etag, lastModified, body } };
  }

  async store(lookup: StoreAt, key: string, answer: CachedAnswer, tags: readonly string[]): Promise<boolean> {
    if (Date.now() - lookup.at > this.ttlSeconds * 1000) return false;
    const value = [answer.contentType, answer.cacheControl, answer.surrogateKeys, answer.etag, answer.lastModified, answer.body].join(SEPARATOR);
    return (await this.commands.store(this.entryKey(key), lookup.since, this.ttlSeconds, value, this.prefix, ...tags)) === 1;
  }

  async purge(tags: readonly string[]): Promise<void> {
    if (tags.length > 0) await this.commands.purge(this.clockKey, this.prefix, this.ttlSeconds, ...tags);
  }

  private entryKey(key: string): string {
    // "answer:": entries of the earlier layout (no validators), under "entry:", are never read and expire.
    return `${this.prefix}answer:${key}`;
  }
}
