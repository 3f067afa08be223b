import { readFileSync } from "node:fs";
import { buildSchema, parse, validate } from "graphql";
import { DataSource } from "typeorm";
import { ArticleStatus } from "../src/modules/article/article-status";
import { Article } from "../src/modules/article/article.entity";
import { articleOrders } from "../src/modules/article/list/article.orders";
import { encodeGlobalId } from "../src/shared/global-id";
import { encodeCursor } from "../src/shared/pagination/cursor";

/**
 * One GraphQL operation the bench sends over and over (the POST body is the
 * same every time), or, for a mix, the bodies each connection sends in turn.
 */
export interface Workload {
  name: string;
  title: string;
  /** The operation, or a mix's first read: what the baselines' answers are checked on. */
  body: string;
  /** A mix's bodies in the order each connection sends them; none for a single operation. */
  mix?: string[];
  /** Whether it writes: the in-memory floor has no write path and sits it out. */
  writes?: boolean;
}

/** W5: of every 20 requests, 9 feeds, 9 article pages and 2 new comments on that article (90% reads, 10% writes). */
const MIX_LENGTH = 20;
const WRITE_EVERY = 10;

const ADD_COMMENT = `mutation AddComment($input: AddCommentInput!) {
  addComment(input: $input) { comment { id status createdAt } }
}`;

/** Who W5's comments come from: an address the seed never uses, so that removeBenchWrites finds them. */
export const BENCH_READER_EMAIL = "bench-reader@example.com";

/** Where W3 starts: the issue's 50,000 items in, or half the feed when the bench data is smaller. */
const DEEP_POSITION = 50_000;

const FEED = `query Feed($after: String) {
  articles(first: 20, after: $after) {
    pageInfo { hasNextPage endCursor }
    edges {
      cursor
      node {
        id slug title excerpt(maxLength: 140) readingTimeMinutes publishedAt commentCount
        author { name } category { name } tags { name }
      }
    }
  }
}`;

const AUTHORS_PAGE = `query AuthorsPage {
  authors(first: 20) { nodes { name articles(first: 5) { nodes { title category { name } } } } }
}`;

/** The article page of README.md; `ARTICLE_PAGE_EXTRAS` join it once the schema has them. */
const ARTICLE_PAGE_FIELDS = `
    id title subtitle readingTimeMinutes publishedAt
    featuredImage { url alt caption width height }
    body
    headings { level text anchor }
    tags { slug name }
    author {
      name bio avatarUrl
      articles(first: 3) { nodes { slug title } pageInfo { hasNextPage endCursor } }
    }
    category {
      name
      articles(first: 3) { nodes { slug title } pageInfo { hasNextPage endCursor } }
    }
    commentCount
    comments(first: 20) {
      totalCount
      pageInfo { hasNextPage endCursor }
      nodes {
        id authorName body createdAt anchor { blockId quote }
        replyCount
        replies(first: 5) { nodes { id authorName body createdAt } }
      }
    }`;

/**
 * The parts of the product brief's page that land after the first pass of
 * the bench: each joins W4 as soon as `schema.graphql` accepts it.
 */
const ARTICLE_PAGE_EXTRAS = [
  "relatedArticles(first: 3) { edges { score reasons node { slug title excerpt(maxLength: 140) } } }",
  "keepReading { slug title excerpt(maxLength: 140) }",
  "checkAlso { slug title excerpt(maxLength: 200) }",
  "inlineFeedback(first: 20) { pageInfo { hasNextPage endCursor } nodes { id authorName body createdAt anchor { blockId quote } } }",
  `content {
      __typename
      ... on BlockBase { id inlineFeedbackCount }
      ... on HeadingBlock { level text anchor }
      ... on ParagraphBlock { spans { text marks href } }
      ... on QuoteBlock { spans { text marks href } attribution cite }
      ... on ListBlock { ordered items { id inlineFeedbackCount spans { text marks href } } }
      ... on FigureBlock { image { url alt width height } caption credit }
      ... on EmbedBlock { url provider title caption }
      ... on KeepReadingBlock { article { slug title excerpt(maxLength: 140) } }
    }`,
];

/** The workloads of issue 7. */
export async function buildWorkloads(dataSource: DataSource): Promise<Workload[]> {
  const deep = await deepFeedCursor(dataSource);
  const page = await articlePageOperation(dataSource);
  const feed = request("Feed", FEED, {});
  return [
    { name: "W1", title: "feed, page 1", body: feed },
    { name: "W2", title: "authors page", body: request("AuthorsPage", AUTHORS_PAGE, {}) },
    { name: "W3", title: `feed from ${deep.position.toLocaleString("en")} in`, body: request("Feed", FEED, { after: deep.cursor }) },
    { name: "W4", title: `article page${page.extras.length ? ` + ${page.extras.length} extras` : ""}`, body: page.body },
    { name: "W5", title: "90% W1/W4, 10% addComment", body: feed, mix: writeMix(feed, page.body, addComment(page.articleId)), writes: true },
  ];
}

/** What a connection sends for `workload`, in turn. */
export function bodiesOf(workload: Workload): string[] {
  return workload.mix ?? [workload.body];
}

function writeMix(feed: string, articlePage: string, write: string): string[] {
  const reads = [feed, articlePage];
  return Array.from({ length: MIX_LENGTH }, (_, index) => ((index + 1) % WRITE_EVERY === 0 ? write : reads[index % 2]));
}

/** A reader's comment on the W4 article, as the comment form sends it (the bench server's rate limits are lifted: see targets.ts). */
function addComment(articleId: number): string {
  return request("AddComment", ADD_COMMENT, {
    input: {
      articleId: encodeGlobalId("Article", articleId),
      authorName: "Bench Reader",
      authorEmail: BENCH_READER_EMAIL,
      body: "A comment the bench writes: the write share of W5.",
    },
  });
}

function request(operationName: string, query: string, variables: Record<string, unknown>): string {
  return JSON.stringify({ operationName, query, variables });
}

/** The cursor a client holds after paging to `DEEP_POSITION`, made by the server's own encoder from that row. */
async function deepFeedCursor(dataSource: DataSource): Promise<{ position: number; cursor: string }> {
  const published = dataSource.getRepository(Article).createQueryBuilder("article").where("article.status = :published", {
    published: ArticleStatus.PUBLISHED,
  });
  const position = Math.min(DEEP_POSITION, Math.floor((await published.getCount()) / 2));
  // OFFSET is fine here: the bench reads the row once, the server never pages this way.
  const row = await published
    .orderBy("article.published_at", "DESC")
    .addOrderBy("article.id", "DESC")
    .offset(position - 1)
    .limit(1)
    .getOne();
  if (!row) throw new Error("the bench database has no published articles");
  return { position, cursor: encodeCursor(articleOrders.NEWEST, row) };
}

/** The page of the most discussed article (the one with the fullest comment thread), with the extras the schema takes. */
async function articlePageOperation(dataSource: DataSource): Promise<{ body: string; extras: string[]; articleId: number }> {
  const article = await dataSource
    .getRepository(Article)
    .createQueryBuilder("article")
    .where("article.status = :published", { published: ArticleStatus.PUBLISHED })
    .orderBy("article.comment_count", "DESC")
    .addOrderBy("article.id")
    .getOneOrFail();
  const schema = buildSchema(readFileSync("schema.graphql", "utf8"));
  const pageQuery = (fields: string[]) =>
    `query ArticlePage($slug: String!) {\n  article(slug: $slug) {${[ARTICLE_PAGE_FIELDS, ...fields].join("\n    ")}\n  }\n}`;
  const extras = ARTICLE_PAGE_EXTRAS.filter((extra) => validate(schema, parse(pageQuery([extra]))).length === 0);
  return { body: request("ArticlePage", pageQuery(extras), { slug: article.slug }), extras, articleId: article.id };
}
