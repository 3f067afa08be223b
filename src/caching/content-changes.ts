import { Logger } from "../logger";
import { responseCachePurgeFailures } from "../metrics";
import { CdnPurges } from "./cdn-purges";
import { purgeKeysOf } from "./cdn-tags";
import { ResponseCache } from "./response-cache";

/**
 * What every write of content that anonymous readers can see calls after
 * its commit, with the tags of what it changed (see `cache-tags.ts` and
 * `content-tags.ts`): the cached answers carrying any of them are purged.
 * It never fails the write: if the cache cannot be reached, its TTL bounds
 * how long an answer can be stale.
 */
export type ContentChanged = (changed: ReadonlySet<string>) => Promise<void>;

/**
 * Runs a write that commits content readers may see, then purges the tags
 * it added to `changed` (a retried transaction may add more than the
 * committed attempt changed: a purge too many, never one too few). The
 * result is the write's.
 */
export async function purgingAfter<T>(contentChanged: ContentChanged, write: (changed: Set<string>) => Promise<T>): Promise<T> {
  const changed = new Set<string>();
  const result = await write(changed);
  if (changed.size > 0) await contentChanged(changed);
  return result;
}

/** For services built without a server (CLIs, tests): no cache to purge. */
export const nothingToPurge: ContentChanged = async () => undefined;

/**
 * Purges the response cache, then queues the CDN's purge. When the cache
 * could not be purged, the CDN's waits for the cache's TTL: purged sooner,
 * the CDN would fetch the stale answers again from the cache.
 */
export function contentChangedOf(cache: ResponseCache, ttlSeconds: number, cdn: CdnPurges | null, logger: Logger): ContentChanged {
  return async (changed) => {
    let purged = true;
    try {
      await cache.purge([...changed]);
    } catch (err) {
      purged = false;
      responseCachePurgeFailures.inc();
      logger.warn({ err, tags: [...changed] }, "response cache not purged: cached answers may be stale until their TTL");
    }
    try {
      await cdn?.enqueue(purgeKeysOf(changed), purged ? 0 : ttlSeconds * 1000);
    } catch (err) {
      logger.error({ err, tags: [...changed] }, "CDN purge not queued: the CDN keeps these answers until their s-maxage");
    }
  };
}
