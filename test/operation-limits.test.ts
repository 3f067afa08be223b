import assert from "node:assert/strict";
import { before, test } from "node:test";
import { DEFAULT_LIMITS } from "../src/config";
import { createArticle, createAuthor, createCategory } from "./factories/content";
import { describeEachDatabase } from "./helpers/each-database";
import { GraphQLResponse, TestServer } from "./helpers/test-server";

/** A chain of `author { articles { nodes {` around `leaf`: depth = 2 + 3 × levels + the leaf's. */
function nested(levels: number, leaf: string): string {
  return `{ articles(first: 1) { nodes { ${"author { articles(first: 1) { nodes { ".repeat(levels)}${leaf}${" } } }".repeat(levels)} } } }`;
}

const repeat = (count: number, text: (index: number) => string) => Array.from({ length: count }, (_, index) => text(index)).join(" ");

const ARTICLE_PAGE = `
  query ArticlePage($slug: String!) {
    article(slug: $slug) {
      id title subtitle readingTimeMinutes publishedAt body excerpt
      featuredImage { url alt caption } headings { level text anchor } tags { slug name }
      author { name bio articles(first: 3) { nodes { slug title } pageInfo { hasNextPage endCursor } } }
      category { name articles(first: 3) { nodes { slug title } pageInfo { hasNextPage endCursor } } }
      commentCount
      comments(first: 20) {
        totalCount pageInfo { hasNextPage endCursor }
        nodes { id authorName body createdAt anchor { blockId quote } replyCount replies(first: 5) { nodes { id authorName body } } }
      }
    }
  }`;

function assertRefused(response: GraphQLResponse, code: string, limit: number): void {
  assert.equal(response.status, 400);
  assert.equal(response.body.data, undefined);
  const error = response.body.errors?.find((candidate) => candidate.extensions?.code === code);
  assert.ok(error, `expected ${code}, got ${JSON.stringify(response.body.errors)}`);
  assert.equal(error.extensions?.limit, limit);
}

async function assertServing(server: TestServer): Promise<void> {
  assert.equal((await server.data("{ articles(first: 1) { totalCount } }")).articles.totalCount, 1);
}

describeEachDatabase("operation limits at their boundaries", (server) => {
  let slug: string;

  before(async () => {
    const ds = server().dataSource;
    slug = (await createArticle(ds, { author: await createAuthor(ds), category: await createCategory(ds) })).slug;
  });

  test("depth: 10 levels pass, 11 are refused with QUERY_TOO_DEEP; introspection is exempt", async () => {
    await server().data(nested(2, "author { name }"));
    assertRefused(await server().graphql(nested(2, "author { articles { totalCount } }")), "QUERY_TOO_DEEP", DEFAULT_LIMITS.depth);
    const introspection = await server().data("{ __schema { types { fields { type { ofType { ofType { ofType { ofType { name } } } } } } } } }");
    assert.ok(introspection.__schema.types.length > 10);
    await assertServing(server());
  });

  test("aliases: 15 pass, 16 are refused with TOO_MANY_ALIASES", async () => {
    const aliased = (count: number) => `{ ${repeat(count, (i) => `a${i}: articles(first: 1) { totalCount }`)} }`;
    assert.equal(Object.keys(await server().data(aliased(15))).length, 15);
    assertRefused(await server().graphql(aliased(16)), "TOO_MANY_ALIASES", DEFAULT_LIMITS.aliases);
    await assertServing(server());
  });

  test("directives: 50 pass, 51 are refused with TOO_MANY_DIRECTIVES", async () => {
    const directed = (count: number) => `{ ${repeat(count, () => "__typename @include(if: true)")} }`;
    assert.equal((await server().data(directed(50))).__typename, "Query");
    assertRefused(await server().graphql(directed(51)), "TOO_MANY_DIRECTIVES", DEFAULT_LIMITS.directives);
  });

  test("tokens: 2,000 reach validation, 2,001 are refused with TOO_MANY_TOKENS before parsing", async () => {
    const tokens = (count: number) => `{ ${repeat(count - 2, () => "x")} }`;
    const atLimit = await server().graphql(tokens(2000));
    assert.equal(atLimit.body.errors?.[0].extensions?.code, "GRAPHQL_VALIDATION_FAILED");
    assertRefused(await server().graphql(tokens(2001)), "TOO_MANY_TOKENS", DEFAULT_LIMITS.tokens);
  });

  test("query text: 20,000 characters pass, 20,001 are refused with QUERY_TOO_LONG", async () => {
    const padded = (length: number) => "{ __typename }".padEnd(length, " ");
    assert.equal((await server().data(padded(20_000))).__typename, "Query");
    assertRefused(await server().graphql(padded(20_001)), "QUERY_TOO_LONG", DEFAULT_LIMITS.queryLength);
  });

  test("cost: every answer reports its cost; connections cost their page size times their selection", async () => {
    const response = await server().graphql("{ articles(first: 40) { nodes { title author { name } } } }");
    assert.deepEqual(response.body.extensions?.cost, { requested: 1 + 40 * 2, limit: DEFAULT_LIMITS.cost });
    const page = await server().graphql(ARTICLE_PAGE, { slug });
    assert.equal(page.body.errors, undefined);
    const cost = page.body.extensions?.cost as { requested: number };
    assert.ok(cost.requested < DEFAULT_LIMITS.cost / 10, `the article page costs ${cost.requested}: well within the budget`);
  });

  test("cost: the same document costs what its variables ask, however often it is sent", async () => {
    const feed = "query($n: Int!) { articles(first: $n) { nodes { title author { name } } } }";
    for (const n of [40, 5, 40, 5]) {
      const response = await server().graphql(feed, { n });
      assert.deepEqual(response.body.extensions?.cost, { requested: 1 + n * 2, limit: DEFAULT_LIMITS.cost });
    }
  });

  test("cost: a page of 100 articles each asking for 100 more is refused with QUERY_TOO_COSTLY", async () => {
    const greedy = "{ articles(first: 100) { nodes { author { articles(first: 100) { nodes { title } } } } } }";
    const response = await server().graphql(greedy);
    assertRefused(response, "QUERY_TOO_COSTLY", DEFAULT_LIMITS.cost);
    assert.match(response.body.errors![0].message, /costs 10301/, "1 + 100 × (nodes 1 + author 1 + 1 + 100 × 1)");
    await assertServing(server());
  });
});

const COST_LIMIT = 201;

describeEachDatabase(
  "a configured cost limit",
  (server) => {
    test("an operation costing exactly the limit runs; one more is refused", async () => {
      assert.equal((await server().graphql("{ articles(first: 100) { nodes { author { name } } } }")).status, 200);
      assertRefused(await server().graphql("{ articles(first: 100) { nodes { author { name } category { name } } } }"), "QUERY_TOO_COSTLY", COST_LIMIT);
    });
  },
  { limits: { ...DEFAULT_LIMITS, cost: COST_LIMIT } },
);
