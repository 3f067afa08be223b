import { isDeepStrictEqual } from "node:util";
import { fetchAnswer } from "./answers";
import { ChildServer } from "./child-server";
import { Workload } from "./workloads";

/**
 * W1 and W2 as a PostGraphile 5 client writes them against the schema its
 * base preset generates from the bench database: `allArticles` filtered to
 * the published rows by a `condition`, the same order and page sizes as the
 * server's, relations through the foreign keys (`authorByAuthorId`…), the
 * tags through the join table's rows. PostGraphile has no `excerpt`: the
 * feed asks for the editor's `excerpt` and the raw `leadText` (at most 1,000
 * characters) a client would cut it from, so its W1 answer carries more text
 * than the server's 140-character excerpts. The other workloads have no
 * PostGraphile version: issue 7 compares W1 and W2.
 */
const OPERATIONS: Record<string, { operationName: string; query: string }> = {
  W1: {
    operationName: "Feed",
    query: `query Feed {
  allArticles(first: 20, condition: { status: "PUBLISHED" }, orderBy: [PUBLISHED_AT_DESC, ROW_ID_DESC]) {
    pageInfo { hasNextPage endCursor }
    edges {
      cursor
      node {
        id slug title excerpt leadText readingTimeMinutes publishedAt commentCount
        authorByAuthorId { name } categoryByCategoryId { name }
        articleTagsByArticleId { nodes { tagByTagId { name } } }
      }
    }
  }
}`,
  },
  W2: {
    operationName: "AuthorsPage",
    query: `query AuthorsPage {
  allAuthors(first: 20, orderBy: [NAME_ASC, ROW_ID_ASC]) {
    nodes {
      name
      articlesByAuthorId(first: 5, condition: { status: "PUBLISHED" }, orderBy: [PUBLISHED_AT_DESC, ROW_ID_DESC]) {
        nodes { title categoryByCategoryId { name } }
      }
    }
  }
}`,
  },
};

/** `workload` as PostGraphile is asked it, or null when it has no PostGraphile version. */
export function postgraphileWorkload(workload: Workload): Workload | null {
  const operation = OPERATIONS[workload.name];
  return operation ? { ...workload, body: JSON.stringify({ ...operation, variables: {} }) } : null;
}

/**
 * Why PostGraphile's answer to `workload` is not the same reads as the
 * server's `reference`, or null when it is. The shapes differ, so what is
 * compared is each answer's content, in order: W1, every article's slug,
 * title, publication time (as an instant), reading time, comment count,
 * author's and section's names and its tag names (as a set: the two order
 * tags differently), and whether there is a next page; W2, every author's
 * name with the titles and section names of their five articles. Excerpts
 * and cursors are not compared.
 */
export async function postgraphileDifference(reference: string, postgraphile: ChildServer, workload: Workload): Promise<string | null> {
  const translated = postgraphileWorkload(workload);
  if (!translated) return `no PostGraphile version of ${workload.name} (issue 7 compares W1 and W2)`;
  try {
    const answer = JSON.parse(await fetchAnswer(postgraphile, translated)).data;
    const expected = CONTENT[workload.name].server(JSON.parse(reference).data);
    return isDeepStrictEqual(CONTENT[workload.name].postgraphile(answer), expected)
      ? null
      : `${postgraphile.name}'s answer to ${workload.name} holds other rows than the server's`;
  } catch (error) {
    return (error as Error).message;
  }
}

type Named = { name: string } | null;
type Connection<T> = { nodes: T[] };

interface FeedNode {
  slug: string;
  title: string;
  publishedAt: string;
  readingTimeMinutes: number;
  commentCount: number;
}
interface Feed<T> {
  pageInfo: { hasNextPage: boolean };
  edges: { node: FeedNode & T }[];
}
type ServerFeedNode = { author: Named; category: Named; tags: { name: string }[] };
type PostgraphileFeedNode = { authorByAuthorId: Named; categoryByCategoryId: Named; articleTagsByArticleId: Connection<{ tagByTagId: Named }> };

type ServerAuthors = Connection<{ name: string; articles: Connection<{ title: string; category: Named }> }>;
type PostgraphileAuthors = Connection<{ name: string; articlesByAuthorId: Connection<{ title: string; categoryByCategoryId: Named }> }>;

/** Method syntax on purpose: each reader takes the `data` of its own schema's answer (parsed JSON, unchecked). */
interface ContentReader {
  server(data: unknown): unknown;
  postgraphile(data: unknown): unknown;
}

/** Each answer's `data` reduced to what is compared, in a shape common to both, per workload. */
const CONTENT: Record<string, ContentReader> = {
  W1: {
    server: (data: { articles: Feed<ServerFeedNode> }) => feedContent(data.articles, (node) => [node.author, node.category, node.tags]),
    postgraphile: (data: { allArticles: Feed<PostgraphileFeedNode> }) =>
      feedContent(data.allArticles, (node) => [
        node.authorByAuthorId,
        node.categoryByCategoryId,
        node.articleTagsByArticleId.nodes.map((row) => row.tagByTagId),
      ]),
  },
  W2: {
    server: (data: { authors: ServerAuthors }) =>
      data.authors.nodes.map((author) => [author.name, author.articles.nodes.map((article) => [article.title, article.category?.name])]),
    postgraphile: (data: { allAuthors: PostgraphileAuthors }) =>
      data.allAuthors.nodes.map((author) => [
        author.name,
        author.articlesByAuthorId.nodes.map((article) => [article.title, article.categoryByCategoryId?.name]),
      ]),
  },
};

/** `relations`: a node's author, section and tags, wherever its schema puts them. */
function feedContent<T>(feed: Feed<T>, relations: (node: FeedNode & T) => [Named, Named, Named[]]) {
  return {
    hasNextPage: feed.pageInfo.hasNextPage,
    articles: feed.edges.map(({ node }) => {
      const [author, category, tags] = relations(node);
      return {
        slug: node.slug,
        title: node.title,
        // Both are ISO 8601, one with "Z", the other with "+00:00".
        publishedAt: new Date(node.publishedAt).toISOString(),
        readingTimeMinutes: node.readingTimeMinutes,
        commentCount: node.commentCount,
        author: author?.name,
        category: category?.name,
        // The server orders a tag list by name, PostGraphile by the join table's key.
        tags: tags.map((tag) => tag?.name).sort(),
      };
    }),
  };
}
