import { PersistedQueryOptions } from "@apollo/server";
import Redis from "ioredis";
import { DataSource } from "typeorm";
import { CdnPurges } from "./cdn-purges";
import { CachingOptions, OperationLimits } from "../config";
import { Logger } from "../logger";
import { ContentChanged, contentChangedOf } from "./content-changes";
import { Manifest, loadManifest, persistedQueryOptions } from "./persisted-queries";
import { RedisResponseCache } from "./redis-response-cache";
import { MemoryResponseCache, ResponseCache, noResponseCache } from "./response-cache";

const REDIS_COMMAND_TIMEOUT_MS = 1000;

export interface Caching {
  /** The safelist in PERSISTED_QUERIES=only mode; null otherwise. */
  manifest: Manifest | null;
  persistedQueries: PersistedQueryOptions | false;
  responseCache: ResponseCache;
  /** CDN_PURGE_URL's purges; `deliverWith` the outbox worker once the services are built. */
  cdnPurges: CdnPurges | null;
  contentChanged: ContentChanged;
  close(): Promise<void>;
}

/** The persisted-query store and the response cache the options ask for, on one Redis connection when REDIS_URL is set. */
export function createCaching(options: CachingOptions, limits: OperationLimits, logger: Logger, dataSource: DataSource): Caching {
  if (options.responseCache === "redis" && !options.redisUrl) throw new Error("RESPONSE_CACHE=redis needs REDIS_URL");
  // A stalled Redis fails a command after a second: a lookup then answers uncached, a purge falls back to the TTL.
  const redis = options.redisUrl ? new Redis(options.redisUrl, { maxRetriesPerRequest: 3, commandTimeout: REDIS_COMMAND_TIMEOUT_MS }) : null;
  redis?.on("error", (err) => logger.warn({ err }, "cache Redis connection error"));
  const manifest = options.persistedQueries === "only" ? loadManifest(options.manifestPath) : null;
  const responseCache = responseCacheFor(options, redis);
  const cdnPurges = options.cdnPurgeUrl ? new CdnPurges(dataSource, options.cdnPurgeUrl, options.cdnPurgeToken) : null;
  return {
    manifest,
    persistedQueries: persistedQueryOptions(options, limits, manifest, redis),
    responseCache,
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
