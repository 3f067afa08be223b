import { parseChoice, parseHttpUrl, parseInteger } from "./parse";

/** `apq`: Automatic Persisted Queries; `only`: nothing but the manifest's operations run; `off`: query text only. */
export type PersistedQueryMode = "apq" | "only" | "off";

export type ResponseCacheMode = "off" | "memory" | "redis";

/** Persisted queries, the anonymous response cache and the Cache-Control header of answers. */
export interface CachingOptions {
  persistedQueries: PersistedQueryMode;
  /** The safelist of `only` mode, written by `npm run persisted-queries`: sha256 -> query text. */
  manifestPath: string;
  /** Bound of the in-memory APQ store (characters of query text); with Redis, entries expire after a day instead. */
  apqCacheBytes: number;
  responseCache: ResponseCacheMode;
  /** How long a cached anonymous answer may be served; writes purge the answers showing what they changed sooner. */
  responseCacheTtlSeconds: number;
  /** Bound of the in-memory response cache (characters of response bodies). */
  responseCacheBytes: number;
  /** The longest `max-age` of anonymous query answers; each gets the smallest its fields allow (`max-age.ts`). */
  maxAgeSeconds: number;
  /** `s-maxage`: how long a CDN keeps an answer when it is sent purges (CDN_PURGE_URL); without, the max-age. */
  sharedMaxAgeSeconds: number;
  staleWhileRevalidateSeconds: number;
  /** Where each write's purge of CDN keys is POSTed, through the outbox; unset: no CDN purges. */
  cdnPurgeUrl?: string;
  /** Sent with each purge as `Authorization: Bearer` and `Fastly-Key`. */
  cdnPurgeToken?: string;
  /** APQ and response cache in Redis, shared by every instance (required by RESPONSE_CACHE=redis). */
  redisUrl?: string;
  /** Prefix of every Redis key the caches write: tests give each server its own. */
  keyPrefix: string;
}

/** What `createServer` does when not told: APQ in memory, no response cache (tests write around the services). */
export const DEFAULT_CACHING: CachingOptions = {
  persistedQueries: "apq",
  manifestPath: "operations/persisted-queries.json",
  apqCacheBytes: 8 * 1024 * 1024,
  responseCache: "off",
  responseCacheTtlSeconds: 60,
  responseCacheBytes: 64 * 1024 * 1024,
  maxAgeSeconds: 300,
  sharedMaxAgeSeconds: 86_400,
  staleWhileRevalidateSeconds: 30,
  keyPrefix: "broadsheet:",
};

export function loadCaching(env: NodeJS.ProcessEnv): CachingOptions {
  const redisUrl = env.REDIS_URL || undefined;
  const responseCache = parseChoice("RESPONSE_CACHE", env.RESPONSE_CACHE, ["off", "memory", "redis"] as const, redisUrl ? "redis" : "memory");
  if (responseCache === "redis" && !redisUrl) throw new Error("RESPONSE_CACHE=redis needs REDIS_URL");
  return {
    persistedQueries: parseChoice("PERSISTED_QUERIES", env.PERSISTED_QUERIES, ["apq", "only", "off"] as const, DEFAULT_CACHING.persistedQueries),
    manifestPath: env.PERSISTED_QUERIES_MANIFEST || DEFAULT_CACHING.manifestPath,
    apqCacheBytes: parseInteger("APQ_CACHE_BYTES", env.APQ_CACHE_BYTES, DEFAULT_CACHING.apqCacheBytes),
    responseCache,
    responseCacheTtlSeconds: parseInteger("RESPONSE_CACHE_TTL_SECONDS", env.RESPONSE_CACHE_TTL_SECONDS, DEFAULT_CACHING.responseCacheTtlSeconds),
    responseCacheBytes: parseInteger("RESPONSE_CACHE_BYTES", env.RESPONSE_CACHE_BYTES, DEFAULT_CACHING.responseCacheBytes),
    maxAgeSeconds: parseInteger("CACHE_MAX_AGE_SECONDS", env.CACHE_MAX_AGE_SECONDS, DEFAULT_CACHING.maxAgeSeconds),
    sharedMaxAgeSeconds: parseInteger("CACHE_S_MAXAGE_SECONDS", env.CACHE_S_MAXAGE_SECONDS, DEFAULT_CACHING.sharedMaxAgeSeconds),
    staleWhileRevalidateSeconds: parseInteger(
      "CACHE_STALE_WHILE_REVALIDATE_SECONDS",
      env.CACHE_STALE_WHILE_REVALIDATE_SECONDS,
      DEFAULT_CACHING.staleWhileRevalidateSeconds,
    ),
    cdnPurgeUrl: parseHttpUrl("CDN_PURGE_URL", env.CDN_PURGE_URL),
    cdnPurgeToken: env.CDN_PURGE_TOKEN || undefined,
    redisUrl,
    keyPrefix: DEFAULT_CACHING.keyPrefix,
  };
}
