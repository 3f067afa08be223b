import { DataSource, EntityTarget, ObjectLiteral, SelectQueryBuilder } from "typeorm";
import { isPostgres } from "../../../database/dialect";
import { RowHydrator, rowHydrator } from "../../../database/row-hydrator";
import { RawRow } from "../../../shared/batch";
import { RowShape } from "../../../shared/pagination/fetch";
import { Author, Category, Tag } from "../../directory";
import { Article } from "../article.entity";

/** The byline and section rows, joined in as raw columns under `<alias>_<suffix>_…` (no article column starts with a suffix). */
const JOINS = {
  byline: { property: "joinedAuthor", target: Author, on: "author_id" },
  section: { property: "joinedCategory", target: Category, on: "category_id" },
} as const;

/** The article's tags and its byline's authors, each read with the row as a JSON array of rows (see `jsonRowsSql`). */
const NESTED = {
  tags: {
    property: "joinedTags",
    target: Tag,
    from: (alias: string) => `FROM article_tag link JOIN tag ON tag.id = link.tag_id WHERE link.article_id = ${alias}.id`,
    orderBy: "tag.name, tag.id",
  },
  authors: {
    property: "joinedAuthors",
    target: Author,
    from: (alias: string) => `FROM article_author link JOIN author ON author.id = link.author_id WHERE link.article_id = ${alias}.id`,
    orderBy: "link.position",
  },
} as const;

type Nested = keyof typeof NESTED;

type Need = keyof Article | keyof typeof JOINS | Nested;

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

/** The lead image's columns (`Article.featuredImage`). */
const IMAGE: Need[] = ["imageUrl", "imageAlt", "imageCaption", "imageWidth", "imageHeight", "imageFocalX", "imageFocalY"];

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
  seoTitle: ["seoTitle"],
  seoDescription: ["seoDescription"],
  seo: ["slug", "section", "authors", "tags", "title", "subtitle", "editorExcerpt", "leadText", "seoTitle", "seoDescription", ...IMAGE],
  featuredImage: IMAGE,
  author: ["byline"],
  authors: ["authors"],
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
  content: [],
  tags: ["tags"],
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
 * and join a list row can carry, but not the tags and bylines (the `tags` and
 * `authors` fields load them by id when asked): most such lists (related
 * articles, Keep Reading, Check Also) never show them.
 */
const EVERYTHING: Need[] = [...new Set([...ALWAYS, ...Object.values(ARTICLE_FIELD_NEEDS).flat()])].filter((need) => !(need in NESTED));

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

/**
 * How the article page's lookup reads its row: every column of the article,
 * and the byline, section and tags rows of `articleListShape` joined in when
 * `fields` (the fields the client selected on the article) show them, so
 * that the page takes no statement for any of them.
 */
export function articlePageShape(fields: readonly string[]): RowShape<Article> {
  const joined = neededBy(fields.filter((field) => field in ARTICLE_FIELD_NEEDS)).filter((need) => need in JOINS || need in NESTED);
  const key = `page:${joined.join(",")}`;
  let shape = shapes.get(key);
  if (!shape) shapes.set(key, (shape = shapeOf(joined, true)));
  return shape;
}

function neededBy(fields: readonly string[]): Need[] {
  const needs = new Set<Need>(ALWAYS);
  for (const field of fields) for (const need of ARTICLE_FIELD_NEEDS[field]) needs.add(need);
  return [...EVERYTHING, ...(Object.keys(NESTED) as Nested[])].filter((need) => needs.has(need));
}

/** The shape that reads `needs`; with `everyColumn`, every column of the article beside its joins. */
function shapeOf(needs: Need[], everyColumn = false): RowShape<Article> {
  const properties = needs.filter((need): need is keyof Article => !(need in JOINS) && !(need in NESTED));
  const joins = Object.entries(JOINS).filter(([suffix]) => needs.includes(suffix as Need));
  const nested = Object.entries(NESTED).filter(([suffix]) => needs.includes(suffix as Need));
  return {
    select(qb, alias) {
      qb.select(everyColumn ? [alias] : properties.map((property) => `${alias}.${property}`));
      for (const [suffix, { target, on }] of joins) {
        const joined = `${alias}_${suffix}`;
        qb.leftJoin(target, joined, `${joined}.id = ${alias}.${on}`);
        for (const column of columnsOf(qb, target)) qb.addSelect(`${joined}.${column.databaseName}`, `${joined}_${column.databaseName}`);
      }
      for (const [suffix, { target, from, orderBy }] of nested) qb.addSelect(jsonRowsSql(qb.connection, target, from(alias), orderBy), `${alias}_${suffix}`);
      return qb;
    },
    completer(alias, dataSource, columnsOf) {
      const joined = joins.map(([suffix, { property, target }]) => ({
        property,
        hydrate: rowHydrator<ObjectLiteral>(dataSource, target, `${alias}_${suffix}`, columnsOf),
      }));
      const nestedRows = nested.map(([suffix, { property, target }]) => ({ property, column: `${alias}_${suffix}`, rows: rowsReader(dataSource, target) }));
      return (article, raw) => {
        for (const { property, hydrate } of joined) {
          const row = hydrate(raw);
          if (row) Object.assign(article, { [property]: row });
        }
        for (const { property, column, rows } of nestedRows) Object.assign(article, { [property]: rows(raw[column]) });
      };
    },
  };
}

function columnsOf(qb: SelectQueryBuilder<ObjectLiteral>, target: EntityTarget<ObjectLiteral>) {
  return qb.connection.getMetadata(target).columns;
}

/**
 * The rows of `target` that `from` selects (`target`'s table named by its
 * own name), as a JSON array of objects whose keys are `<table>_<column>`,
 * in `orderBy`: a feed showing tags or bylines then takes one statement, not two.
 */
function jsonRowsSql(dataSource: DataSource, target: EntityTarget<ObjectLiteral>, from: string, orderBy: string): string {
  const { tableName, columns } = dataSource.getMetadata(target);
  const pairs = columns.flatMap((column) => [`'${tableName}_${column.databaseName}'`, `${tableName}.${column.databaseName}`]).join(", ");
  return isPostgres(dataSource)
    ? `(SELECT COALESCE(json_agg(json_build_object(${pairs}) ORDER BY ${orderBy}), '[]') ${from})`
    : `(SELECT json_group_array(json_object(${pairs}) ORDER BY ${orderBy}) ${from})`;
}

/** Reads the rows of a `jsonRowsSql` column of one statement: parsed by the pg driver already, JSON text from SQLite. */
function rowsReader(dataSource: DataSource, target: EntityTarget<ObjectLiteral>): (value: unknown) => ObjectLiteral[] {
  const prefix = dataSource.getMetadata(target).tableName;
  let hydrate: RowHydrator<ObjectLiteral> | undefined;
  return (value) => {
    const rows = (typeof value === "string" ? JSON.parse(value) : value) as RawRow[];
    if (rows.length === 0) return [];
    // Every object jsonRowsSql builds has the same keys.
    hydrate ??= rowHydrator(dataSource, target, prefix, rows[0]);
    return rows.map((row) => hydrate!(row)!);
  };
}
