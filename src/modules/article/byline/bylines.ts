import { EntityManager, In } from "typeorm";
import { BadUserInputError } from "../../../shared/errors";
import { decodeGlobalIdOf } from "../../../shared/global-id";
import { Author } from "../../directory";
import { Article } from "../article.entity";
import { ArticleAuthor } from "./article-author.entity";

/** The most authors one byline credits. */
export const MAX_AUTHORS = 10;

const messages = {
  empty: "input.authorIds must name at least one author.",
  tooMany: `input.authorIds takes at most ${MAX_AUTHORS} authors.`,
  repeated: "input.authorIds names an author twice.",
  unknown: "input.authorIds names an author that does not exist.",
  disagree: "input.authorId and input.authorIds name different lead authors: give authorIds alone.",
};

/**
 * The byline an editorial input asks for, as author row ids in byline order:
 * `authorIds` when given, else `[authorId]` when given, else null (the
 * caller decides). A lead `authorId` beside `authorIds` must be their first.
 */
export async function requestedByline(manager: EntityManager, input: { authorId?: string | null; authorIds?: string[] | null }): Promise<number[] | null> {
  if (input.authorIds == null) {
    if (input.authorId == null) return null;
    return existingAuthors(manager, [decodeGlobalIdOf("Author", input.authorId, "input.authorId")], "input.authorId");
  }
  const field = "input.authorIds";
  if (input.authorIds.length === 0) throw new BadUserInputError(messages.empty, { field });
  if (input.authorIds.length > MAX_AUTHORS) throw new BadUserInputError(messages.tooMany, { field, maximum: MAX_AUTHORS });
  const ids = input.authorIds.map((id) => decodeGlobalIdOf("Author", id, field));
  if (new Set(ids).size !== ids.length) throw new BadUserInputError(messages.repeated, { field });
  if (input.authorId != null && decodeGlobalIdOf("Author", input.authorId, "input.authorId") !== ids[0]) {
    throw new BadUserInputError(messages.disagree, { field: "input.authorId" });
  }
  return existingAuthors(manager, ids, field);
}

async function existingAuthors(manager: EntityManager, ids: number[], field: string): Promise<number[]> {
  if ((await manager.countBy(Author, { id: In(ids) })) !== ids.length) {
    throw new BadUserInputError(ids.length === 1 ? `${field} names no author.` : messages.unknown, { field });
  }
  return ids;
}

/**
 * THE write path of bylines, in the caller's transaction: the article's
 * authors become `authorIds` (existing, distinct, the lead first), and
 * `article.authorId` the lead (the caller writes it); none before the article is deleted.
 */
export const bylines = {
  async replace(manager: EntityManager, articleId: number, authorIds: readonly number[]): Promise<void> {
    await manager.delete(ArticleAuthor, { articleId });
    if (authorIds.length > 0)
      await manager.insert(
        ArticleAuthor,
        authorIds.map((authorId, position) => ({ articleId, authorId, position })),
      );
  },

  /** The article's authors in byline order. */
  async of(manager: EntityManager, articleId: number): Promise<number[]> {
    const rows = await manager.find(ArticleAuthor, { where: { articleId }, order: { position: "ASC" } });
    return rows.map((row) => row.authorId);
  },

  /** Articles `authorId` is credited on, as lead or co-author. */
  count(manager: EntityManager, authorId: number): Promise<number> {
    return manager.countBy(ArticleAuthor, { authorId });
  },

  /**
   * Credits `toAuthorId` wherever `fromAuthorId` was (an author merge): a
   * byline that credits both keeps the earlier place of the two; the lead
   * (`article.authorId`) follows. Each article changed gets a new version.
   */
  async moveAuthor(manager: EntityManager, fromAuthorId: number, toAuthorId: number): Promise<void> {
    const parameters = { from: fromAuthorId, to: toAuthorId };
    await manager
      .createQueryBuilder()
      .update(Article)
      .set({ updatedAt: new Date(), version: () => "version + 1" })
      .where("id IN (SELECT article_id FROM article_author WHERE author_id = :from)", parameters)
      .execute();
    const run = async (sql: string) => {
      const [query, values] = manager.connection.driver.escapeQueryWithParameters(sql, parameters);
      await manager.query(query, values);
    };
    await run(`DELETE FROM article_author WHERE author_id = :to AND EXISTS (
         SELECT 1 FROM article_author moved
         WHERE moved.article_id = article_author.article_id AND moved.author_id = :from AND moved.position < article_author.position)`);
    await run(`DELETE FROM article_author WHERE author_id = :from AND EXISTS (
         SELECT 1 FROM article_author kept WHERE kept.article_id = article_author.article_id AND kept.author_id = :to)`);
    await run(`UPDATE article_author SET author_id = :to WHERE author_id = :from`);
    await run(`UPDATE article SET author_id = (
         SELECT byline.author_id FROM article_author byline WHERE byline.article_id = article.id ORDER BY byline.position LIMIT 1)
       WHERE id IN (SELECT article_id FROM article_author WHERE author_id = :to)`);
  },
};
