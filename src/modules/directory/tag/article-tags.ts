import { EntityManager } from "typeorm";
import { ArticleTag } from "./article-tag.entity";

/**
 * THE write path of article–tag links: setting an article's tags, dropping a
 * deleted tag from every article, merging one tag into another, and
 * unlinking an article before it is deleted. Anything derived from tag
 * frequencies (the idf weights of related articles, a cache of them) hooks
 * here and nowhere else. The one exception is the seed's bulk load into an
 * empty database (`seed.ts`), before anything could be derived.
 * Each function runs in the caller's transaction.
 */
export const articleTags = {
  /** Makes `tagIds` (existing, distinct) the article's tags. */
  async replace(manager: EntityManager, articleId: number, tagIds: readonly number[]): Promise<void> {
    await manager.delete(ArticleTag, { articleId });
    if (tagIds.length > 0)
      await manager.insert(
        ArticleTag,
        tagIds.map((tagId) => ({ articleId, tagId })),
      );
  },

  /** Removes `tagId` from every article; the number of articles that carried it. */
  async removeTag(manager: EntityManager, tagId: number): Promise<number> {
    return (await manager.delete(ArticleTag, { tagId })).affected ?? 0;
  },

  /**
   * Moves every link of `fromTagId` to `toTagId` (an article carrying both
   * keeps one link), then removes `fromTagId`'s: the number of articles moved.
   */
  async moveTag(manager: EntityManager, fromTagId: number, toTagId: number): Promise<number> {
    const [sql, parameters] = manager.connection.driver.escapeQueryWithParameters(
      `INSERT INTO article_tag (article_id, tag_id)
       SELECT moved.article_id, :to FROM article_tag moved
       WHERE moved.tag_id = :from AND NOT EXISTS (SELECT 1 FROM article_tag kept WHERE kept.article_id = moved.article_id AND kept.tag_id = :to)`,
      { from: fromTagId, to: toTagId },
    );
    await manager.query(sql, parameters);
    return this.removeTag(manager, fromTagId);
  },
};
