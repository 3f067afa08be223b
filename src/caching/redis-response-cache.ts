import Redis from "ioredis";
import { CachedAnswer, Lookup, ResponseCache } from "./response-cache";

/** The generation and the entry under it in one round trip; a missing entry ends the reply early. */
const LOOKUP_SCRIPT = `
local generation = redis.call('GET', KEYS[1]) or '0'
return { generation, redis.call('GET', ARGV[1] .. generation .. ':' .. ARGV[2]) }`;

/** Separates the media type from the body in a stored value. */
const SEPARATOR = "\n";

type LookupCommand = (generationKey: string, entryPrefix: string, key: string) => Promise<[string, string | null | undefined]>;

/**
 * The response cache shared by every instance: the content generation is a
 * Redis counter that any instance's write increments, and entries are keys
 * under it that Redis expires after the TTL (and evicts under its own
 * `maxmemory` policy). A lookup reads both in one script.
 */
export class RedisResponseCache implements ResponseCache {
  readonly enabled = true;
  private readonly generationKey: string;
  private readonly entryPrefix: string;
  private readonly lookupCommand: LookupCommand;

  constructor(
    private readonly redis: Redis,
    keyPrefix: string,
    private readonly ttlSeconds: number,
  ) {
    this.generationKey = `${keyPrefix}response:generation`;
    this.entryPrefix = `${keyPrefix}response:`;
    redis.defineCommand("broadsheetResponseLookup", { numberOfKeys: 1, lua: LOOKUP_SCRIPT });
    const command = (redis as unknown as Record<string, LookupCommand>).broadsheetResponseLookup;
    this.lookupCommand = command.bind(redis);
  }

  async lookup(key: string): Promise<Lookup> {
    const [generation, stored] = await this.lookupCommand(this.generationKey, this.entryPrefix, key);
    if (!stored) return { generation };
    const split = stored.indexOf(SEPARATOR);
    return { generation, answer: { contentType: stored.slice(0, split), body: stored.slice(split + 1) } };
  }

  async store(generation: string, key: string, answer: CachedAnswer): Promise<void> {
    await this.redis.set(`${this.entryPrefix}${generation}:${key}`, answer.contentType + SEPARATOR + answer.body, "EX", this.ttlSeconds);
  }

  async contentChanged(): Promise<void> {
    await this.redis.incr(this.generationKey);
  }
}
