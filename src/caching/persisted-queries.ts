import { readFileSync } from "node:fs";
import { PersistedQueryOptions } from "@apollo/server";
import { ErrorsAreMissesCache, InMemoryLRUCache, KeyValueCache, PrefixingKeyValueCache } from "@apollo/utils.keyvaluecache";
import { FastifyReply, FastifyRequest } from "fastify";
import Redis from "ioredis";
import { CachingOptions, OperationLimits } from "../config";
import { graphqlParamsOf, queryHash } from "../http/graphql-params";
import { checkQueryText } from "../http/limits/query-text";
import { PersistedQueryNotAllowedError } from "../shared/errors";
import { RedisKeyValueCache } from "./redis-key-value-cache";

/** A registered query lives a day in Redis; a client whose hash expired sends the text again. */
const REDIS_APQ_TTL_SECONDS = 24 * 3600;

/** The checked-in safelist: sha256 of each operation document -> its text. */
export type Manifest = ReadonlyMap<string, string>;

export function loadManifest(path: string): Manifest {
  const entries = Object.entries(JSON.parse(readFileSync(path, "utf8")) as Record<string, string>);
  for (const [hash, query] of entries) {
    if (queryHash(query) !== hash) throw new Error(`${path}: the entry ${hash} is not the sha256 of its query; run npm run persisted-queries`);
  }
  return new Map(entries);
}

/**
 * Apollo's `persistedQueries` option for the mode: `off` turns APQ off;
 * `apq` registers any query that passes the limits, in a size-bounded LRU
 * or, with Redis, in keys that expire; `only` serves the manifest and
 * registers nothing (the safelist hook refuses the rest before Apollo).
 */
export function persistedQueryOptions(
  options: CachingOptions,
  limits: OperationLimits,
  manifest: Manifest | null,
  redis: Redis | null,
): PersistedQueryOptions | false {
  if (options.persistedQueries === "off") return false;
  if (manifest) return { cache: PrefixingKeyValueCache.cacheDangerouslyDoesNotNeedPrefixesForIsolation(new ManifestStore(manifest)), ttl: null };
  if (redis) {
    // A Redis outage turns registered hashes into misses: clients then send the text, nothing fails.
    const shared = new ErrorsAreMissesCache(new RedisKeyValueCache(redis, options.keyPrefix));
    return { cache: new WithinTextLimits(shared, limits), ttl: REDIS_APQ_TTL_SECONDS };
  }
  return { cache: new InMemoryLRUCache<string>({ maxSize: options.apqCacheBytes }), ttl: null };
}

/**
 * A shared store may hold a query another instance registered under larger
 * text limits: such a query is a miss here, so the client sends its text,
 * which this instance's limits then refuse. (Depth, aliases, directives and
 * cost are checked on every request, registered or not.)
 */
class WithinTextLimits implements KeyValueCache<string> {
  constructor(
    private readonly store: KeyValueCache<string>,
    private readonly limits: OperationLimits,
  ) {}

  async get(key: string): Promise<string | undefined> {
    const query = await this.store.get(key);
    return query !== undefined && checkQueryText(query, this.limits) === null ? query : undefined;
  }

  set(key: string, value: string, options?: { ttl?: number | null }): Promise<void> {
    return this.store.set(key, value, options);
  }

  async delete(key: string): Promise<boolean> {
    return (await this.store.delete(key)) ?? false;
  }
}

/** The manifest as Apollo's APQ store: read-only, so nothing outside it is ever registered. */
class ManifestStore implements KeyValueCache<string> {
  constructor(private readonly manifest: Manifest) {}

  async get(key: string): Promise<string | undefined> {
    return this.manifest.get(key);
  }

  async set(): Promise<void> {}

  async delete(): Promise<boolean> {
    return false;
  }
}

/**
 * PERSISTED_QUERIES=only: a Fastify preHandler that lets through only
 * operations of the manifest, by hash or by their exact text, and refuses
 * anything else before it is parsed.
 */
export function safelist(manifest: Manifest) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const params = graphqlParamsOf(request);
    // Not the GraphQL route, or a request Apollo refuses as malformed anyway.
    if (params === undefined || (params.query === undefined && params.persistedHash === undefined)) return;
    const hash = params.query !== undefined ? queryHash(params.query) : params.persistedHash!;
    if (manifest.has(hash)) return;
    const refusal = new PersistedQueryNotAllowedError();
    return reply.code(400).send({ errors: [{ message: refusal.message, extensions: { code: refusal.extensions.code } }] });
  };
}

/** Whether a graphql-ws operation may run: in `only` mode, its text must be in the manifest. */
export function allowedOverWebSocket(manifest: Manifest | null, query: string): boolean {
  return manifest === null || manifest.has(queryHash(query));
}
