import { EntityManager } from "typeorm";
import { WriteEvents } from "../../outbox/write-events";
import { encodeGlobalId } from "../../shared/global-id";
import { ArticleStatus } from "./article-status";
import { Article } from "./article.entity";

export type ArticleEventType = "article.published" | "article.updated" | "article.unpublished";

/**
 * Tells `events` what a write did to an article that readers see (or saw),
 * in the write's transaction: what a receiver needs to fetch the rest.
 */
export function emitArticleEvent(events: WriteEvents, manager: EntityManager, type: ArticleEventType, article: Article): Promise<void> {
  return events.emit(manager, type, {
    id: encodeGlobalId("Article", article.id),
    slug: article.slug,
    title: article.title,
    status: article.status,
    publishedAt: article.publishedAt?.toISOString() ?? null,
  });
}

/** The event of a change of status: entering PUBLISHED publishes, leaving it unpublishes; null for neither. */
export function statusEventOf(before: ArticleStatus, after: ArticleStatus): ArticleEventType | null {
  if (after === before) return null;
  if (after === ArticleStatus.PUBLISHED) return "article.published";
  if (before === ArticleStatus.PUBLISHED) return "article.unpublished";
  return null;
}
