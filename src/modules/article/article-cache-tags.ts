import { EntityManager } from "typeorm";
import { tags } from "../../caching/cache-tags";
import { ArticleStatus } from "./article-status";

/**
 * Adds to `changed` what a change to article `id` purges, as the article
 * stands in the caller's transaction: always its own tag; while it is
 * published, also every list it is in (the front page, its section, its
 * authors and tags, search, comment-count order), every reading path (any
 * published article may be another's related, Keep Reading, Check Also,
 * previous or next) and lookups that found nothing (by its slug). A write
 * calls it before and after its change, so the lists it left and those it
 * entered are both purged. Two statements.
 */
export async function addArticleTags(manager: EntityManager, id: number, changed: Set<string>): Promise<void> {
  changed.add(tags.article(id));
  const row = await manager
    .createQueryBuilder()
    .select(["article.status AS status", "category.slug AS section"])
    .from("article", "article")
    .innerJoin("category", "category", "category.id = article.category_id")
    .where("article.id = :id", { id })
    .getRawOne<{ status: string; section: string }>();
  if (!row || row.status !== ArticleStatus.PUBLISHED) return;
  const [sql, parameters] = manager.connection.driver.escapeQueryWithParameters(
    `SELECT 'tag' AS kind, tag.slug AS slug FROM article_tag link JOIN tag ON tag.id = link.tag_id WHERE link.article_id = :id
     UNION ALL
     SELECT 'author' AS kind, author.slug AS slug FROM article_author link JOIN author ON author.id = link.author_id WHERE link.article_id = :id`,
    { id },
  );
  const listed: { kind: "tag" | "author"; slug: string }[] = await manager.query(sql, parameters);
  for (const tag of [tags.frontFeed, tags.search, tags.mostDiscussed, tags.readingPath, tags.missing, tags.sectionFeed(row.section)]) {
    changed.add(tag);
  }
  for (const { kind, slug } of listed) changed.add(kind === "tag" ? tags.tagFeed(slug) : tags.authorFeed(slug));
}

/** What a change to a visible comment of article `articleId` purges: the article (its count), its thread, comment-count order, empty lookups. */
export function addCommentTags(articleId: number, changed: Set<string>): void {
  for (const tag of [tags.article(articleId), tags.thread(articleId), tags.mostDiscussed, tags.missing]) changed.add(tag);
}
