import { DataSource, EntityTarget, ObjectLiteral, SelectQueryBuilder } from "typeorm";
import { isPostgres } from "../../../database/dialect";
import { rowHydrator } from "../../../database/row-hydrator";
import { RawRow } from "../../../shared/batch";
import { RowShape } from "../../../shared/pagination/fetch";
import { Author, Category, Tag } from "../../directory";
import { Article } from "../article.entity";

/** The byline and section rows, joined in as raw columns under `<alias>_<suffix>_…` (no article column starts with a suffix). */
const JOINS = {
  byline: { property: "joinedAuthor", target: Author, on: "author_id" },
  section: { property: "joinedCategory", target: Category, on: "category_id" },
} as const;

/** The article's tags, read with the row as a JSON array (see `tagsSql`). */
const TAGS = "tags" as const;

type Need = keyof Article | keyof typeof JOINS | typeof TAGS;

/** What every list row carries whatever the client asked: ids, status and dates for policies, cursors and sort keys; small numbers. */
const ALWAYS: Need[] = [
  "id",
  "status",
  "authorId",
  "categoryId",
  "keepReadingId",
  "publishedAt",
  "updatedAt",
  "commentCount",
  "version",
  "wordCount",
  "readingTimeMinutes",
];

/**
 * What each field of Article needs read with a list row beyond ALWAYS.
 * Every field is listed (a test compares with the schema), so a new field
 * must say what it reads; a field not listed here makes a list read
 * everything. Fields that load what they show by the article's id (body,
 * comments, related articles…) need nothing more; tags are read with the
 * row when asked for, else loaded by id.
 */
export const ARTICLE_FIELD_NEEDS: Record<string, Need[]> = {
  __typename: [],
  id: [],
  slug: ["slug"],
  url: ["slug", "section"],
  title: ["title"],
  subtitle: ["subtitle"],
  excerpt: ["editorExcerpt", "leadText"],
  featuredImage: ["imageUrl", "imageAlt", "imageCaption", "imageWidth", "imageHeight", "imageFocalX", "imageFocalY"],
  author: ["byline"],
  category: ["section"],
  status: [],
  publishedAt: [],
  updatedAt: [],
  version: [],
  commentCount: [],
  wordCount: [],
  readingTimeMinutes: [],
  body: [],
  headings: [],
  tags: [TAGS],
  comments: [],
  inlineFeedback: [],
  relatedArticles: [],
  keepReading: [],
  checkAlso: [],
  previousArticle: [],
  nextArticle: [],
  revisions: [],
  viewCount: [],
};

/**
 * What lists read when they do not know what the client asked: every column
 * and join a list row can carry, but not the tags (the `tags` field loads
 * them by id when asked): most such lists (related articles, Keep Reading,
 * Check Also) never show them.
 */
const EVERYTHING: Need[] = [...new Set([...ALWAYS, ...Object.values(ARTICLE_FIELD_NEEDS).flat()])].filter((need) => need !== TAGS);

const shapes = new Map<string, RowShape<Article>>();

/**
 * How a list of articles (a feed, an author's or a section's page, related
 * articles) reads its rows: only the columns that `fields` (the fields the
 * client selected on each item, see `nodeFieldsOf`) need, and the byline
 * and section rows joined in only when shown, so that a feed showing them
 * takes no statement for either. Without `fields`, every column a list
 * shows. Never the body and its headings: 5 KB a row, which only an
 * article page shows (`articleBodyById` loads them).
 */
export function articleListShape(fields?: readonly string[]): RowShape<Article> {
  const needs = fields === undefined || fields.some((field) => !(field in ARTICLE_FIELD_NEEDS)) ? EVERYTHING : neededBy(fields);
  const key = needs.join(",");
  let shape = shapes.get(key);
  if (!shape) shapes.set(key, (shape = shapeOf(needs)));
  return shape;
}

function neededBy(fields: readonly string[]): Need[] {
  const needs = new Set<Need>(ALWAYS);
  for (const field of fields) for (const need of ARTICLE_FIELD_NEEDS[field]) needs.add(need);
  return [...EVERYTHING, TAGS].filter((need) => needs.has(need));
}

function shapeOf(needs: Need[]): RowShape<Article> {
  const properties = needs.filter((need): need is keyof Article => !(need in JOINS) && need !== TAGS);
  const joins = Object.entries(JOINS).filter(([suffix]) => needs.includes(suffix as Need));
  const withTags = needs.includes(TAGS);
  return {
    select(qb, alias) {
      qb.select(properties.map((property) => `${alias}.${property}`));
      for (const [suffix, { target, on }] of joins) {
        const joined = `${alias}_${suffix}`;
        qb.leftJoin(target, joined, `${joined}.id = ${alias}.${on}`);
        for (const column of columnsOf(qb, target)) qb.addSelect(`${joined}.${column.databaseName}`, `${joined}_${column.databaseName}`);
      }
      if (withTags) qb.addSelect(tagsSql(qb.connection, alias), `${alias}_${TAGS}`);
      return qb;
    },
    complete(article, raw, alias, dataSource) {
      for (const [suffix, { property, target }] of joins) {
        const row = rowHydrator<ObjectLiteral>(dataSource, target, `${alias}_${suffix}`)(raw);
        if (row) Object.assign(article, { [property]: row });
      }
      if (withTags) article.joinedTags = tagsOf(dataSource, raw[`${alias}_${TAGS}`]);
    },
  };
}

function columnsOf(qb: SelectQueryBuilder<ObjectLiteral>, target: EntityTarget<ObjectLiteral>) {
  return qb.connection.getMetadata(target).columns;
}

/**
 * The tags of the article aliased `alias`, by name, as a JSON array of tag
 * rows whose keys are `tag_<column>`: a feed showing tags then takes one
 * statement, not two.
 */
function tagsSql(dataSource: DataSource, alias: string): string {
  const pairs = dataSource
    .getMetadata(Tag)
    .columns.flatMap((column) => [`'tag_${column.databaseName}'`, `tag.${column.databaseName}`])
    .join(", ");
  const from = `FROM article_tag link JOIN tag ON tag.id = link.tag_id WHERE link.article_id = ${alias}.id`;
  return isPostgres(dataSource)
    ? `(SELECT COALESCE(json_agg(json_build_object(${pairs}) ORDER BY tag.name, tag.id), '[]') ${from})`
    : `(SELECT json_group_array(json_object(${pairs}) ORDER BY tag.name, tag.id) ${from})`;
}

/** Tags from `tagsSql`'s column: parsed by the pg driver already, JSON text from SQLite. */
function tagsOf(dataSource: DataSource, value: unknown): Tag[] {
  const rows = (typeof value === "string" ? JSON.parse(value) : value) as RawRow[];
  const hydrate = rowHydrator(dataSource, Tag, "tag");
  return rows.map((row) => hydrate(row)!);
}
