import { DataSource, EntityManager, EntityTarget, ObjectLiteral } from "typeorm";
import { QueryDeepPartialEntity } from "typeorm/query-builder/QueryPartialEntity";
import { Article, ArticleAuthor } from "../modules/article";
import { ArticleTag, Author, Category, Tag } from "../modules/directory";
import { Comment } from "../modules/comment";
import { GeneratedArticle, generateArticle, generateAuthor, generateCategory, GenerationOptions, generateTag } from "./generate";
import { TOPICS } from "./vocabulary";

/** What to generate: the number of articles, and anything else to change from the defaults of `resolveSeedOptions`. */
export type SeedOptions = Pick<GenerationOptions, "articles"> & Partial<GenerationOptions>;

export interface SeedSummary {
  authors: number;
  categories: number;
  tags: number;
  articles: number;
  articleTags: number;
  comments: number;
}

/** Called after each chunk of articles is written, with the articles written so far. */
export type SeedProgress = (articlesDone: number, articlesTotal: number) => void;

/** Articles generated and written per round; bounds memory whatever the total. */
const ARTICLES_PER_CHUNK = 500;
/**
 * TypeORM reads inserted rows' defaults back with one `id = ? OR id = ? …`
 * per row, and SQLite refuses an expression over 1,000 deep
 * (SQLITE_MAX_EXPR_DEPTH): 1,000 authors in one INSERT failed the 100k seed.
 */
const MAX_ROWS_PER_INSERT = 500;
/** SQLite's limit (SQLITE_MAX_VARIABLE_NUMBER); PostgreSQL's is 65,535. */
const MAX_BOUND_PARAMETERS = 32766;

export async function isDatabaseEmpty(dataSource: DataSource): Promise<boolean> {
  return !(await dataSource.getRepository(Article).exists());
}

/**
 * Fills an empty database with generated content: the same options give the
 * same rows. Everything is written in one transaction, so that a failed or
 * interrupted run leaves the database empty and can simply be run again.
 */
export async function seedDatabase(dataSource: DataSource, options: SeedOptions, onProgress?: SeedProgress): Promise<SeedSummary> {
  const plan = resolveSeedOptions(options);
  if (!(await isDatabaseEmpty(dataSource))) throw new Error("The database already has articles: seeding only ever fills an empty database.");
  return dataSource.transaction(async (manager) => {
    const authorIds = await insertRows(
      manager,
      Author,
      range(0, plan.authors).map((i) => generateAuthor(plan, i)),
    );
    const categoryIds = await insertRows(manager, Category, range(0, plan.categories).map(generateCategory));
    const tagIds = await insertRows(
      manager,
      Tag,
      range(0, plan.tags).map((i) => generateTag(plan, i)),
    );
    const summary: SeedSummary = { authors: plan.authors, categories: plan.categories, tags: plan.tags, articles: 0, articleTags: 0, comments: 0 };
    for (let start = 0; start < plan.articles; start += ARTICLES_PER_CHUNK) {
      const articles = range(start, Math.min(plan.articles, start + ARTICLES_PER_CHUNK)).map((i) => generateArticle(plan, i));
      const articleIds = await insertRows(
        manager,
        Article,
        articles.map(({ row, authorIndex, categoryIndex }) => ({ ...row, authorId: authorIds[authorIndex], categoryId: categoryIds[categoryIndex] })),
      );
      const bylines = articles.map(({ authorIndex }, i) => ({ articleId: articleIds[i], authorId: authorIds[authorIndex], position: 0 }));
      await insertRows(manager, ArticleAuthor, bylines, { readIds: false });
      const links = articles.flatMap((article, i) => article.tagIndexes.map((tag) => ({ articleId: articleIds[i], tagId: tagIds[tag] })));
      await insertRows(manager, ArticleTag, links, { readIds: false });
      summary.articles += articles.length;
      summary.articleTags += links.length;
      summary.comments += await insertComments(manager, articles, articleIds);
      onProgress?.(summary.articles, plan.articles);
    }
    return summary;
  });
}

/**
 * The options with their defaults filled in: an author per 100 articles (at
 * least 5, at most 1,000), a section per topic (12), 100 tags, 3 comments
 * per published article on average, seed 1, and `now` at midnight UTC today,
 * so that runs on the same day give identical rows. A count that is not a
 * positive integer (0 comments aside) is an error.
 */
function resolveSeedOptions(options: SeedOptions): GenerationOptions {
  const plan: GenerationOptions = {
    articles: options.articles,
    authors: options.authors ?? Math.min(1000, Math.max(5, Math.round(options.articles / 100))),
    categories: options.categories ?? TOPICS.length,
    tags: options.tags ?? 100,
    commentsPerArticle: options.commentsPerArticle ?? 3,
    seed: options.seed ?? 1,
    now: options.now ?? startOfUtcDay(new Date()),
  };
  for (const key of ["articles", "authors", "categories", "tags", "seed"] as const) {
    if (!Number.isSafeInteger(plan[key]) || plan[key] < 1) throw new RangeError(`${key} must be a positive integer, got ${plan[key]}`);
  }
  if (!(plan.commentsPerArticle >= 0)) throw new RangeError(`commentsPerArticle must be 0 or more, got ${plan.commentsPerArticle}`);
  return plan;
}

/**
 * Writes the comments of `articles` one thread depth at a time, so that
 * every reply is written after its parent and knows the parent's id.
 */
async function insertComments(manager: EntityManager, articles: GeneratedArticle[], articleIds: number[]): Promise<number> {
  const ids = articles.map((article) => new Array<number>(article.comments.length));
  const entries = articles.flatMap((article, a) => article.comments.map((comment, c) => ({ a, c, comment })));
  for (let depth = 0; ; depth++) {
    const level = entries.filter(({ comment }) => comment.depth === depth);
    if (level.length === 0) return entries.length;
    const rows = level.map(({ a, comment }) => ({
      ...comment.row,
      articleId: articleIds[a],
      parentId: comment.parentIndex === null ? null : ids[a][comment.parentIndex],
    }));
    const inserted = await insertRows(manager, Comment, rows);
    level.forEach(({ a, c }, i) => (ids[a][c] = inserted[i]));
  }
}

/**
 * Multi-row INSERTs, as many rows per statement as the bound-parameter
 * limits allow. Returns the ids the database gave the rows, in row order,
 * unless told not to read them: TypeORM reads them back with RETURNING on
 * PostgreSQL, and from SQLite's last row id, consecutive within a statement.
 */
async function insertRows<T extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  rows: QueryDeepPartialEntity<T>[],
  { readIds = true } = {},
): Promise<number[]> {
  if (rows.length === 0) return [];
  const perInsert = Math.min(MAX_ROWS_PER_INSERT, Math.floor(MAX_BOUND_PARAMETERS / Object.keys(rows[0]).length));
  const ids: number[] = [];
  for (let start = 0; start < rows.length; start += perInsert) {
    const result = await manager
      .createQueryBuilder()
      .insert()
      .into(entity)
      .values(rows.slice(start, start + perInsert))
      .updateEntity(readIds)
      .callListeners(false)
      .execute();
    if (readIds) ids.push(...result.identifiers.map((identifier) => Number(identifier.id)));
  }
  return ids;
}

function range(start: number, end: number): number[] {
  return Array.from({ length: end - start }, (_, i) => start + i);
}

function startOfUtcDay(date: Date): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
}
