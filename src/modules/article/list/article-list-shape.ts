import { DataSource, EntityTarget, ObjectLiteral } from "typeorm";
import { isPostgres } from "../../../database/dialect";
import { jsonRowsReader, jsonRowsSql } from "../../../database/json-rows";
import { RowHydrator, rowHydrator } from "../../../database/row-hydrator";
import { RowShape } from "../../../shared/pagination/fetch";
import { ownFieldsOf, subfieldsOf } from "../../../shared/pagination/node-fields";
import { PageRequest } from "../../../shared/pagination/page-request";
import { Author, Category, Tag, namedEntityColumns } from "../../directory";
import { Article } from "../article.entity";

/**
 * The byline and section rows, joined in as raw columns under `<alias>_<suffix>_…` (no article column starts with a suffix),
 * each with the columns that the client's selection on `field`, the Article field showing it, needs.
 */
const JOINS = {
  byline: { property: "joinedAuthor", target: Author, type: "Author", field: "author", on: "author_id" },
  section: { property: "joinedCategory", target: Category, type: "Category", field: "category", on: "category_id" },
} as const;

/** The article's tags and its byline's authors, each read with the row as a JSON array of rows (see `nestedRowsSql`), as JOINS are. */
const NESTED = {
  tags: {
    property: "joinedTags",
    target: Tag,
    type: "Tag",
    field: "tags",
    link: { table: "article_tag", key: "tag_id" },
    orderBy: "tag.name, tag.id",
  },
  authors: {
    property: "joinedAuthors",
    target: Author,
    type: "Author",
    field: "authors",
    link: { table: "article_author", key: "author_id" },
    orderBy: "link.position",
  },
} as const;

type Joined = keyof typeof JOINS | keyof typeof NESTED;

type Need = keyof Article | Joined;

/**
 * What every list row carries whatever the client asked: its id (its cache
 * tag, and the key of everything loaded for it). The keys of the list's
 * order come besides (`orderProperties`): its cursors carry them.
 */
const ALWAYS: Need[] = ["id"];

/** The lead image's columns (`Article.featuredImage`). */
const IMAGE: Need[] = ["imageUrl", "imageAlt", "imageCaption", "imageWidth", "imageHeight", "imageFocalX", "imageFocalY"];

/**
 * What each field of Article needs read with a list row beyond ALWAYS: its
 * own columns, and what its resolver or a policy reads off the row
 * (`revisions` checks the author, `checkAlso` looks in the section, `seo`
 * dates the page). Every field is listed (a test compares with the
 * schema), so a new field must say what it reads; a field not listed here
 * makes a list read everything. Fields that load what they show by the
 * article's id (body, comments, related articles…) need nothing more;
 * tags are read with the row when asked for, else loaded by id.
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
  seo: [
    "slug",
    "section",
    "authors",
    "tags",
    "title",
    "subtitle",
    "editorExcerpt",
    "leadText",
    "seoTitle",
    "seoDescription",
    "publishedAt",
    "updatedAt",
    ...IMAGE,
  ],
  featuredImage: IMAGE,
  author: ["byline"],
  authors: ["authors"],
  category: ["section"],
  status: ["status"],
  publishedAt: ["publishedAt"],
  updatedAt: ["updatedAt"],
  version: ["version"],
  commentCount: ["commentCount"],
  wordCount: ["wordCount"],
  readingTimeMinutes: ["readingTimeMinutes"],
  body: [],
  headings: [],
  content: [],
  tags: ["tags"],
  comments: [],
  inlineFeedback: [],
  relatedArticles: [],
  keepReading: [],
  checkAlso: ["categoryId"],
  previousArticle: [],
  nextArticle: [],
  revisions: ["authorId"],
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
 * articles) reads its rows: only the columns that `request.fields` (the
 * fields the client selected on each item, see `nodeFieldsOf`) need, with
 * the keys of `request.order`, and the byline, section, tags and authors
 * rows read with them only when shown, each with only the columns its own
 * selection needs (`namedEntityColumns`), so that a feed showing them
 * takes no statement for any. Without fields, every column a list shows.
 * Never the body and its headings: 5 KB a row, which only an article page
 * shows (`articleBodyById` loads them).
 */
export function articleListShape(request?: Pick<PageRequest<Article>, "fields" | "order">): RowShape<Article> {
  const fields = request?.fields;
  const own = fields && ownFieldsOf(fields);
  const known = own !== undefined && own.every((field) => field in ARTICLE_FIELD_NEEDS);
  const orderColumns = (request?.order.keys ?? []).filter((key) => key.sql === undefined).map((key) => key.column);
  return keptShape(known ? neededBy(own) : EVERYTHING, known ? fields : undefined, orderColumns, false);
}

/**
 * How the article page's lookup reads its row: every column of the article,
 * and the byline, section and tags rows of `articleListShape` joined in when
 * `fields` (the fields the client selected on the article) show them, so
 * that the page takes no statement for any of them.
 */
export function articlePageShape(fields: readonly string[]): RowShape<Article> {
  const joined = neededBy(fields.filter((field) => field in ARTICLE_FIELD_NEEDS)).filter(isJoined);
  return keptShape(joined, fields, [], true);
}

/** The SQL of the id of the byline's (`author`) or section's (`category`) row that `articlePageShape` joins in when its field is shown. */
export function joinedIdOfPage(alias: string, field: "author" | "category"): string {
  const [suffix] = Object.entries(JOINS).find(([, join]) => join.field === field)!;
  return `${alias}_${suffix}.id`;
}

function neededBy(fields: readonly string[]): Need[] {
  const needs = new Set<Need>(ALWAYS);
  for (const field of fields) for (const need of ARTICLE_FIELD_NEEDS[field]) needs.add(need);
  return [...EVERYTHING, ...(Object.keys(NESTED) as Joined[])].filter((need) => needs.has(need));
}

function isJoined(need: Need): need is Joined {
  return need in JOINS || need in NESTED;
}

/** What one join reads: its suffix, and its row's columns (see `namedEntityColumns`). */
type JoinRead = [suffix: Joined, columns: string[] | null];

/**
 * The shape that reads `needs` and the columns of `orderColumns`, each join
 * with the columns that its field's selection in `fields` needs (every
 * column without `fields`); with `everyColumn`, every column of the article
 * beside its joins. Made once per distinct read.
 */
function keptShape(needs: Need[], fields: readonly string[] | undefined, orderColumns: string[], everyColumn: boolean): RowShape<Article> {
  const joined = needs.filter(isJoined).map((suffix): JoinRead => {
    const { type, field } = suffix in JOINS ? JOINS[suffix as keyof typeof JOINS] : NESTED[suffix as keyof typeof NESTED];
    return [suffix, fields === undefined ? null : namedEntityColumns(type, subfieldsOf(fields, field))];
  });
  const properties = needs.filter((need): need is keyof Article => !isJoined(need));
  const key = JSON.stringify([everyColumn, properties, joined, orderColumns]);
  let shape = shapes.get(key);
  if (!shape) shapes.set(key, (shape = shapeOf(properties, joined, orderColumns, everyColumn)));
  return shape;
}

function shapeOf(properties: (keyof Article)[], joined: JoinRead[], orderColumns: string[], everyColumn: boolean): RowShape<Article> {
  const joins = joined.filter(([suffix]) => suffix in JOINS).map(([suffix, columns]) => ({ suffix, columns, ...JOINS[suffix as keyof typeof JOINS] }));
  const nested = joined.filter(([suffix]) => suffix in NESTED).map(([suffix, columns]) => ({ suffix, columns, ...NESTED[suffix as keyof typeof NESTED] }));
  let selected: string[] | undefined;
  return {
    select(qb, alias) {
      // The order's keys by their properties, found once: the metadata is the data source's.
      selected ??= [
        ...new Set([...properties, ...orderColumns.map((column) => qb.connection.getMetadata(Article).findColumnWithDatabaseName(column)!.propertyName)]),
      ];
      qb.select(everyColumn ? [alias] : selected.map((property) => `${alias}.${property}`));
      for (const { suffix, target, on, columns } of joins) {
        const joinedAlias = `${alias}_${suffix}`;
        qb.leftJoin(target, joinedAlias, `${joinedAlias}.id = ${alias}.${on}`);
        for (const column of columnsOf(qb.connection, target, columns))
          qb.addSelect(`${joinedAlias}.${column.databaseName}`, `${joinedAlias}_${column.databaseName}`);
      }
      for (const { suffix, target, link, orderBy, columns } of nested) {
        qb.addSelect(nestedRowsSql(qb.connection, target, columns, linkedRowsFrom(qb.connection, alias, link, target), orderBy), `${alias}_${suffix}`);
      }
      return qb;
    },
    completer(alias, dataSource, columnsOfRow) {
      const hydrated = joins.map(({ suffix, property, target }) => ({
        property,
        hydrate: rowHydrator<ObjectLiteral>(dataSource, target, `${alias}_${suffix}`, columnsOfRow),
      }));
      const nestedRows = nested.map(({ suffix, property, target, columns }) => ({
        property,
        column: `${alias}_${suffix}`,
        rows: rowsReader(dataSource, target, columns),
      }));
      return (article, raw) => {
        for (const { property, hydrate } of hydrated) {
          const row = hydrate(raw);
          if (row) Object.assign(article, { [property]: row });
        }
        for (const { property, column, rows } of nestedRows) Object.assign(article, { [property]: rows(raw[column]) });
      };
    },
  };
}

/** The columns of `target` whose properties are `properties`; every one for null. */
function columnsOf(dataSource: DataSource, target: EntityTarget<ObjectLiteral>, properties: string[] | null) {
  const { columns } = dataSource.getMetadata(target);
  return properties === null ? columns : columns.filter((column) => properties.includes(column.propertyName));
}

/**
 * The rows of `target` that the table `link` ties to the article `alias`
 * (aliased `link` and by their table's name). PostgreSQL looks each one up
 * by its key, in a LATERAL subquery that OFFSET 0 keeps from being merged
 * into a join: merged, its planner hashes the whole of a small table (500
 * tags) for every article of a page, a W1 statement 1.1 → 0.5 ms. SQLite
 * runs the join as such lookups.
 */
function linkedRowsFrom(dataSource: DataSource, alias: string, link: { table: string; key: string }, target: EntityTarget<ObjectLiteral>): string {
  const rows = dataSource.getMetadata(target).tableName;
  const linked = isPostgres(dataSource)
    ? `CROSS JOIN LATERAL (SELECT * FROM ${rows} WHERE ${rows}.id = link.${link.key} OFFSET 0) ${rows}`
    : `JOIN ${rows} ON ${rows}.id = link.${link.key}`;
  return `FROM ${link.table} link ${linked} WHERE link.article_id = ${alias}.id`;
}

/**
 * The `columns` (properties; every one for null) of the rows of `target`
 * that `from` selects (`target`'s table named by its own name), in
 * `orderBy`, as a JSON array of rows (see `jsonRowsSql`): a feed showing
 * tags or bylines then takes one statement, not two.
 */
function nestedRowsSql(dataSource: DataSource, target: EntityTarget<ObjectLiteral>, columns: string[] | null, from: string, orderBy: string): string {
  const { tableName } = dataSource.getMetadata(target);
  const values = columnsOf(dataSource, target, columns).map((column) => `${tableName}.${column.databaseName}`);
  return jsonRowsSql(dataSource, values, from, orderBy);
}

/** Reads the rows of a `nestedRowsSql` column of one statement, of the same `columns`, as entities of `target`. */
function rowsReader(dataSource: DataSource, target: EntityTarget<ObjectLiteral>, columns: string[] | null): (value: unknown) => ObjectLiteral[] {
  const prefix = dataSource.getMetadata(target).tableName;
  const readRows = jsonRowsReader(columnsOf(dataSource, target, columns).map((column) => `${prefix}_${column.databaseName}`));
  let hydrate: RowHydrator<ObjectLiteral> | undefined;
  return (value) => {
    const rows = readRows(value);
    if (rows.length === 0) return [];
    // Every row has the same columns.
    hydrate ??= rowHydrator(dataSource, target, prefix, rows[0]);
    return rows.map((row) => hydrate!(row)!);
  };
}
