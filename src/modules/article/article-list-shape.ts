import { SelectQueryBuilder } from "typeorm";
import { Author } from "../author/author.entity";
import { Category } from "../category/category.entity";
import { Article } from "./article.entity";

/**
 * What an article in a list (a feed, an author's or a section's page) is
 * read with: every column but the body and its headings, which only an
 * article page shows (5 KB a row that lists read and the garbage collector
 * then swept: a quarter of a feed's CPU), and the byline and section rows
 * joined in, so that a feed showing them takes no statement for either.
 * `body` and `headings` of a list row are loaded on demand (`articleBodyById`).
 */
const LIST_PROPERTIES: (keyof Article)[] = [
  "id", "slug", "title", "subtitle", "editorExcerpt", "leadText", "wordCount", "readingTimeMinutes", "status",
  "publishedAt", "firstPublishedAt", "createdAt", "updatedAt", "version", "authorId", "categoryId", "keepReadingId",
  "commentCount", "imageUrl", "imageAlt", "imageCaption", "imageWidth", "imageHeight",
];

export function articleListShape(qb: SelectQueryBuilder<Article>, alias: string): SelectQueryBuilder<Article> {
  return qb
    .select(LIST_PROPERTIES.map((property) => `${alias}.${property}`))
    .leftJoinAndMapOne(`${alias}.joinedAuthor`, Author, `${alias}_author`, `${alias}_author.id = ${alias}.author_id`)
    .leftJoinAndMapOne(`${alias}.joinedCategory`, Category, `${alias}_category`, `${alias}_category.id = ${alias}.category_id`);
}
