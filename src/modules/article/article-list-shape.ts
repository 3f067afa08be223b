import { EntityTarget, ObjectLiteral, SelectQueryBuilder } from "typeorm";
import { rowHydrator } from "../../database/row-hydrator";
import { RowShape } from "../../shared/pagination/fetch";
import { Author } from "../author/author.entity";
import { Category } from "../category/category.entity";
import { Article } from "./article.entity";

/**
 * What an article in a list (a feed, an author's or a section's page,
 * related articles) is read with: every column but the body and its
 * headings, which only an article page shows (5 KB a row that lists read
 * and the garbage collector then swept: a quarter of a feed's CPU), and
 * its byline and section rows joined in, so that a feed showing them takes
 * no statement for either. A list row's `body` and `headings` are loaded
 * on demand (`articleBodyById`).
 */
const LIST_PROPERTIES: (keyof Article)[] = [
  "id", "slug", "title", "subtitle", "editorExcerpt", "leadText", "wordCount", "readingTimeMinutes", "status",
  "publishedAt", "firstPublishedAt", "createdAt", "updatedAt", "version", "authorId", "categoryId", "keepReadingId",
  "commentCount", "imageUrl", "imageAlt", "imageCaption", "imageWidth", "imageHeight",
];

/** Suffixes are not column names of the article, so `<alias>_<suffix>_id` never names one of its columns. */
const JOINED = [
  { property: "joinedAuthor", target: Author, suffix: "byline", on: "author_id" },
  { property: "joinedCategory", target: Category, suffix: "section", on: "category_id" },
] as const;

export const articleListShape: RowShape<Article> = {
  select(qb, alias) {
    qb.select(LIST_PROPERTIES.map((property) => `${alias}.${property}`));
    for (const { target, suffix, on } of JOINED) {
      const joined = `${alias}_${suffix}`;
      qb.leftJoin(target, joined, `${joined}.id = ${alias}.${on}`);
      for (const column of columnsOf(qb, target)) qb.addSelect(`${joined}.${column.databaseName}`, `${joined}_${column.databaseName}`);
    }
    return qb;
  },
  complete(article, raw, alias, dataSource) {
    for (const { property, target, suffix } of JOINED) {
      const row = rowHydrator(dataSource, target, `${alias}_${suffix}`)(raw);
      if (row) Object.assign(article, { [property]: row });
    }
  },
};

function columnsOf(qb: SelectQueryBuilder<ObjectLiteral>, target: EntityTarget<ObjectLiteral>) {
  return qb.connection.getMetadata(target).columns;
}
