import assert from "node:assert/strict";
import { before, test } from "node:test";
import { ApolloClient, DocumentNode, HttpLink, InMemoryCache, gql } from "@apollo/client";
import { relayStylePagination } from "@apollo/client/utilities";
import { Author } from "../src/modules/directory/author/author.entity";
import { createArticle, createAuthor, createCategory } from "./factories/content";
import { describeEachDatabase } from "./helpers/each-database";

const FEED = gql`
  query Feed($first: Int, $after: String, $categorySlug: String) {
    articles(first: $first, after: $after, filter: { categorySlug: $categorySlug }) {
      totalCount
      edges {
        cursor
        node {
          id
          slug
        }
      }
      pageInfo {
        hasNextPage
        hasPreviousPage
        startCursor
        endCursor
      }
    }
  }
`;

const AUTHOR_FEED = gql`
  query AuthorFeed($slug: String!, $last: Int, $before: String) {
    author(slug: $slug) {
      id
      articles(last: $last, before: $before) {
        totalCount
        edges {
          cursor
          node {
            id
            slug
          }
        }
        pageInfo {
          hasNextPage
          hasPreviousPage
          startCursor
          endCursor
        }
      }
    }
  }
`;

interface Connection {
  totalCount: number;
  edges: { cursor: string; node: { id: string; slug: string } }[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string; endCursor: string };
}

/** Apollo Client as a web or mobile app configures it for infinite feeds. */
function newClient(uri: string) {
  return new ApolloClient({
    link: new HttpLink({ uri, fetch }),
    cache: new InMemoryCache({
      typePolicies: {
        Query: { fields: { articles: relayStylePagination(["filter", "orderBy"]) } },
        Author: { fields: { articles: relayStylePagination() } },
      },
    }),
  });
}

describeEachDatabase("a real Apollo Client with relayStylePagination", (server) => {
  let author: Author;
  let newestFirst: string[];
  let authorNewestFirst: string[];

  before(async () => {
    const ds = server().dataSource;
    author = await createAuthor(ds);
    const other = await createAuthor(ds);
    const science = await createCategory(ds, { slug: "science" });
    const created = [];
    for (let i = 0; i < 17; i++) created.push(await createArticle(ds, { author: i % 3 ? author : other, category: science }));
    created.sort((a, b) => b.publishedAt!.getTime() - a.publishedAt!.getTime());
    newestFirst = created.map((article) => article.slug);
    authorNewestFirst = created.filter((article) => article.authorId === author.id).map((article) => article.slug);
  });

  async function pageAll(
    query: DocumentNode,
    variables: Record<string, unknown>,
    select: (data: any) => Connection,
    next: (connection: Connection) => Record<string, unknown> | null,
  ): Promise<Connection> {
    const client = newClient(`${server().baseUrl}/graphql`);
    let connection = select((await client.query({ query, variables })).data);
    for (let more = next(connection); more; more = next(connection)) {
      await client.query({ query, variables: { ...variables, ...more }, fetchPolicy: "network-only" });
      connection = select(client.readQuery({ query, variables }));
    }
    return connection;
  }

  test("fetchMore-style paging merges the whole section feed: every article once, in order, matching totalCount", async () => {
    const merged = await pageAll(
      FEED,
      { first: 4, categorySlug: "science" },
      (data) => data.articles,
      (c) => (c.pageInfo.hasNextPage ? { after: c.pageInfo.endCursor } : null),
    );
    assert.deepEqual(
      merged.edges.map((edge) => edge.node.slug),
      newestFirst,
    );
    assert.equal(merged.totalCount, newestFirst.length);
  });

  test("paging an author's feed backwards merges to the same order", async () => {
    const merged = await pageAll(
      AUTHOR_FEED,
      { slug: author.slug, last: 3 },
      (data) => data.author.articles,
      (c) => (c.pageInfo.hasPreviousPage ? { before: c.pageInfo.startCursor } : null),
    );
    assert.deepEqual(
      merged.edges.map((edge) => edge.node.slug),
      authorNewestFirst,
    );
    assert.equal(merged.totalCount, authorNewestFirst.length);
  });
});
