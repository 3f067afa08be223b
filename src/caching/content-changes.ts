import { Logger } from "../logger";
import { ResponseCache } from "./response-cache";

/**
 * What every write of content that anonymous readers can see calls after
 * its commit: an article published, unpublished, scheduled-then-published,
 * edited, pinned or deleted; a comment becoming visible, edited or hidden;
 * a taxonomy change. It starts a new content generation of the response
 * cache, so every cached answer (feeds, author and category pages, article
 * pages) is recomputed. It never fails the write: if Redis is down, the
 * cache's TTL bounds how long an answer can be stale.
 */
export type ContentChanged = () => Promise<void>;

/** Runs a write that commits content readers may see, then purges what they were shown; its result is the write's. */
export async function purgingAfter<T>(contentChanged: ContentChanged, write: () => Promise<T>): Promise<T> {
  const result = await write();
  await contentChanged();
  return result;
}

/** For services built without a server (CLIs, tests): no cache to purge. */
export const nothingToPurge: ContentChanged = async () => undefined;

export function contentChangedOf(cache: ResponseCache, logger: Logger): ContentChanged {
  return async () => {
    try {
      await cache.contentChanged();
    } catch (err) {
      logger.warn({ err }, "response cache not purged: cached answers may be stale until their TTL");
    }
  };
}
