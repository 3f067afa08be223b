import { PersistedQueryOptions } from "@apollo/server";
import Redis from "ioredis";
import { DataSource } from "typeorm";
import { CdnPurges } from "./cdn-purges";
import { CachingOptions, DEFAULT_REDIS, OperationLimits } from "../config";
import { Logger } from "../logger";
import { RedisConnections } from "../redis/redis-connections";
import { ContentChanged, contentChangedOf } from "./content-changes";
import { FragmentCache } from "./fragment-cache";
import { Manifest, loadManifest, persistedQueryOptions } from "./persisted-queries";
import { RedisResponseCache } from "./redis-response-cache";
import { MemoryResponseCache, ResponseCache, noResponseCache } from "./response-cache";

export interface Caching {
  /** The safelist in PERSISTED_QUERIES=only mode; null otherwise. */
  manifest: Manifest | null;
  persistedQueries: PersistedQueryOptions | false;
  responseCache: ResponseCache;
  /** Parts of answers kept in the response cache's store (rankings), purged by the same tags. */
  fragments: FragmentCache;
  /** CDN_PURGE_URL's purges; `deliverWith` the outbox worker once the services are built. */
  cdnPurges: CdnPurges | null;
  contentChanged: ContentChanged;
  close(): Promise<void>;
}

/**
 * The persisted-query store and the response cache the options ask for, on
 * one Redis connection when REDIS_URL is set. Its commands are bounded
 * (`connections`): a Redis that fails makes APQ hashes misses and answers
 * uncached, never a slow or failed request.
 */
export function createCaching(
  options: CachingOptions,
  limits: OperationLimits,
  logger: Logger,
  dataSource: DataSource,
  connections = new RedisConnections(DEFAULT_REDIS, logger),
): Caching {
  if (options.responseCache === "redis" && !options.redisUrl) throw new Error("RESPONSE_CACHE=redis needs REDIS_URL");
  const redis = options.redisUrl ? connections.open(options.redisUrl, "cache") : null;
  const manifest = options.persistedQueries === "only" ? loadManifest(options.manifestPath) : null;
  const responseCache = responseCacheFor(options, redis);
  const cdnPurges = options.cdnPurgeUrl ? new CdnPurges(dataSource, options.cdnPurgeUrl, options.cdnPurgeToken) : null;
  return {
    manifest,
    persistedQueries: persistedQueryOptions(options, limits, manifest, redis),
    responseCache,
    fragments: new FragmentCache(responseCache, logger),
    cdnPurges,
    contentChanged: contentChangedOf(responseCache, options.responseCacheTtlSeconds, cdnPurges, logger),
    close: async () => redis?.disconnect(),
  };
}

function responseCacheFor(options: CachingOptions, redis: Redis | null): ResponseCache {
  switch (options.responseCache) {
    case "off":
      return noResponseCache;
    case "memory":
      return new MemoryResponseCache(options.responseCacheBytes, options.responseCacheTtlSeconds);
    case "redis":
      return new RedisResponseCache(redis!, options.keyPrefix, options.responseCacheTtlSeconds);
  }
}
