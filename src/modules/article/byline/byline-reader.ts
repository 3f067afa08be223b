import { DataSource } from "typeorm";
import { groupRows } from "../../../shared/batch";
import { rowHydrator } from "../../../database/row-hydrator";
import { Author } from "../../directory";
import { ArticleAuthor } from "./article-author.entity";

/** The bylines of `articleIds`, each its authors in order, in ONE statement; in key order. */
export async function readBylines(dataSource: DataSource, articleIds: readonly number[]): Promise<Author[][]> {
  const raw = await dataSource
    .getRepository(Author)
    .createQueryBuilder("author")
    .innerJoin(ArticleAuthor, "byline", "byline.author_id = author.id")
    .addSelect("byline.article_id", "article_key")
    .where("byline.article_id IN (:...articleIds)", { articleIds })
    .orderBy("byline.article_id")
    .addOrderBy("byline.position")
    .getRawMany();
  const hydrate = rowHydrator(dataSource, Author, "author");
  const byArticle = groupRows(raw, "article_key", (row) => hydrate(row)!);
  return articleIds.map((articleId) => byArticle.get(articleId) ?? []);
}
