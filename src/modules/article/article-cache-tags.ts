import { EntityManager } from "typeorm";
import { tags } from "../../caching/cache-tags";
import { ArticleStatus } from "./article-status";

/**
 * Adds to `changed` what a change to article `id` purges, as the article
 * stands in the caller's transaction: always its own tag; while it is
 * published, also every list it is in (the front page, its section, its
 * author and tags, search, comment-count order), every reading path (any
 * published article may be another's related, Keep Reading, Check Also,
 * previous or next) and lookups that found nothing (by its slug). A write
 * calls it before and after its change, so the lists it left and those it
 * entered are both purged. Two statements.
 */
export async function addArticleTags(manager: EntityManager, id: number, changed: Set<string>): Promise<void> {
  changed.add(tags.article(id));
  const row = await manager
    .createQueryBuilder()
    .select(["article.status AS status", "category.slug AS section", "author.slug AS author"])
    .from("article", "article")
    .innerJoin("category", "category", "category.id = article.category_id")
    .innerJoin("author", "author", "author.id = article.author_id")
    .where("article.id = :id", { id })
    .getRawOne<{ status: string; section: string; author: string }>();
  if (!row || row.status !== ArticleStatus.PUBLISHED) return;
  const tagged = await manager
    .createQueryBuilder()
    .select("tag.slug", "slug")
    .from("article_tag", "article_tag")
    .innerJoin("tag", "tag", "tag.id = article_tag.tag_id")
    .where("article_tag.article_id = :id", { id })
    .getRawMany<{ slug: string }>();
  for (const tag of [
    tags.frontFeed,
    tags.search,
    tags.mostDiscussed,
    tags.readingPath,
    tags.missing,
    tags.sectionFeed(row.section),
    tags.authorFeed(row.author),
  ]) {
    changed.add(tag);
  }
  for (const { slug } of tagged) changed.add(tags.tagFeed(slug));
}

/** What a change to a visible comment of article `articleId` purges: the article (its count), its thread, comment-count order, empty lookups. */
export function addCommentTags(articleId: number, changed: Set<string>): void {
  for (const tag of [tags.article(articleId), tags.thread(articleId), tags.mostDiscussed, tags.missing]) changed.add(tag);
}
