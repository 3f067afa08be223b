import assert from "node:assert/strict";
import { afterEach, before, test } from "node:test";
import { Article } from "../src/modules/article/article.entity";
import { Comment } from "../src/modules/comment/comment.entity";
import { encodeGlobalId } from "../src/shared/global-id";
import { createArticle, createAuthor, createCategory, createComment, createTag } from "./factories/content";
import { testDatabaseKinds } from "./helpers/databases";
import { describeEachDatabase } from "./helpers/each-database";
import { LEAKS } from "./helpers/safe-answer";
import { TestServer } from "./helpers/test-server";

interface RawResponse {
  status: number;
  headers: Headers;
  text: string;
  body: { data?: any; errors?: { message: string; extensions?: Record<string, any> }[] };
}

const base64url = (value: unknown) => Buffer.from(JSON.stringify(value), "utf8").toString("base64url");

/** Cursors that decode to JSON but not to a position in the NEWEST article feed. */
const TAMPERED_CURSORS: [string, unknown][] = [
  ["a number for the date", ["newest", 1735689600000, 1]],
  ["a string for the id", ["newest", "2025-01-01T00:00:00.000Z", "1"]],
  ["a fraction for the id", ["newest", "2025-01-01T00:00:00.000Z", 1.5]],
  ["an id past the safe integers", ["newest", "2025-01-01T00:00:00.000Z", 2 ** 60]],
  ["an impossible date", ["newest", "2025-13-45T99:00:00.000Z", 1]],
  ["SQL for the date", ["newest", "' OR 1=1 --", 1]],
  ["a missing key", ["newest", 1]],
  ["an extra key", ["newest", "2025-01-01T00:00:00.000Z", 1, 2]],
  ["null values", ["newest", null, null]],
  ["an object", { order: "newest", id: 1 }],
  ["a bare string", "newest"],
  ["null", null],
];

describeEachDatabase("refusing bad input", (server) => {
  let articles: Article[];
  let comment: Comment;

  const send = async (init: RequestInit, path = "/graphql"): Promise<RawResponse> => {
    const response = await fetch(`${server().baseUrl}${path}`, init);
    const text = await response.text();
    for (const leak of LEAKS) assert.doesNotMatch(text, leak, `the answer leaks internals: ${text}`);
    return { status: response.status, headers: response.headers, text, body: JSON.parse(text) };
  };
  const ask = (query: string, variables?: Record<string, unknown>) =>
    send({ method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query, variables }) });

  /** A clear GraphQL error with `code`, an explanation, and no 500. */
  const assertRefused = (response: RawResponse, code: string, what: string, message?: RegExp) => {
    assert.notEqual(response.status, 500, what);
    assert.ok(response.body.errors?.length, `${what}: expected an error, got ${response.text}`);
    const [error] = response.body.errors!;
    assert.equal(error.extensions?.code, code, `${what}: ${response.text}`);
    assert.ok(error.message.length > 10, `${what}: the message explains: ${error.message}`);
    if (message) assert.match(error.message, message, what);
  };

  const feedCursor = async (orderBy: string) =>
    (await server().data(`query($orderBy: ArticleOrder) { articles(first: 1, orderBy: $orderBy) { pageInfo { endCursor } } }`, { orderBy })).articles.pageInfo
      .endCursor as string;

  before(async () => {
    const ds = server().dataSource;
    const author = await createAuthor(ds, { slug: "writer" });
    const category = await createCategory(ds);
    const tag = await createTag(ds);
    articles = [];
    for (let i = 0; i < 5; i++) articles.push(await createArticle(ds, { author, category, tags: [tag] }));
    comment = await createComment(ds, { article: articles[0] });
    await createComment(ds, { article: articles[0], parent: comment });
    await createComment(ds, { article: articles[0] });
  });

  afterEach(async () => {
    // The server keeps serving, and what was stored is still there.
    const { articles: feed } = await server().data(`query StillServing { __typename articles(first: 1) { totalCount } }`);
    assert.equal(feed.totalCount, articles.length);
  });

  test("refuses page sizes over 100 or below 0, on every kind of list", async () => {
    const lists: [string, string][] = [
      ["articles", "articles(ARGS) { totalCount }"],
      ["authors", "authors(ARGS) { totalCount }"],
      ["tags", "tags(ARGS) { totalCount }"],
      ["an author's feed", `author(slug: "writer") { articles(ARGS) { totalCount } }`],
      ["comments", `article(slug: "${articles[0].slug}") { comments(ARGS) { totalCount } }`],
      ["replies", `node(id: "${encodeGlobalId("Comment", comment.id)}") { ... on Comment { replies(ARGS) { totalCount } } }`],
    ];
    for (const [list, selection] of lists) {
      for (const args of ["first: 101", "first: -1", "last: 101", "last: -1", "first: 1000000"]) {
        assertRefused(await ask(`{ ${selection.replace("ARGS", args)} }`), "BAD_USER_INPUT", `${list} (${args})`, /first|last/);
      }
    }
  });

  test("accepts the largest page of 100", async () => {
    const { articles: page } = await server().data(`{ articles(first: 100) { totalCount } }`);
    assert.equal(page.totalCount, articles.length);
  });

  test("refuses first and last together", async () => {
    assertRefused(await ask(`{ articles(first: 2, last: 2) { totalCount } }`), "BAD_USER_INPUT", "first and last", /first.*last/);
    assertRefused(await ask(`{ authors(first: 0, last: 0) { totalCount } }`), "BAD_USER_INPUT", "first: 0 and last: 0");
  });

  test("refuses malformed cursors", async () => {
    for (const cursor of ["not a cursor", "%%%", "abc", "", "=", "A".repeat(10_240), "🗞️", Buffer.from("not json").toString("base64url")]) {
      for (const field of ["after", "before"]) {
        const response = await ask(`query($cursor: String) { articles(${field}: $cursor) { totalCount } }`, { cursor });
        assertRefused(response, "BAD_USER_INPUT", `${field}: ${cursor.slice(0, 20)}`, new RegExp(field));
      }
    }
  });

  test("refuses a cursor from another order of the same list", async () => {
    const newest = await feedCursor("NEWEST");
    const oldest = await feedCursor("OLDEST");
    const discussed = await feedCursor("MOST_DISCUSSED");
    const query = `query($cursor: String, $orderBy: ArticleOrder) { articles(after: $cursor, orderBy: $orderBy) { totalCount } }`;
    assertRefused(await ask(query, { cursor: newest, orderBy: "OLDEST" }), "BAD_USER_INPUT", "NEWEST cursor with OLDEST");
    assertRefused(await ask(query, { cursor: oldest, orderBy: "NEWEST" }), "BAD_USER_INPUT", "OLDEST cursor with NEWEST");
    assertRefused(await ask(query, { cursor: discussed, orderBy: "NEWEST" }), "BAD_USER_INPUT", "MOST_DISCUSSED cursor with NEWEST");
    assertRefused(await ask(query, { cursor: newest, orderBy: "MOST_DISCUSSED" }), "BAD_USER_INPUT", "NEWEST cursor with MOST_DISCUSSED");
    // Each cursor is fine in its own order.
    await server().data(query, { cursor: newest, orderBy: "NEWEST" });
    await server().data(query, { cursor: discussed, orderBy: "MOST_DISCUSSED" });
  });

  test("refuses a cursor of another kind of list", async () => {
    const commentCursor = async (orderBy: string) =>
      (
        await server().data(
          `query($slug: String, $orderBy: CommentOrder) { article(slug: $slug) { comments(first: 1, orderBy: $orderBy) { pageInfo { endCursor } } } }`,
          { slug: articles[0].slug, orderBy },
        )
      ).article.comments.pageInfo.endCursor as string;
    const authorCursor = (await server().data(`{ authors(first: 1) { pageInfo { endCursor } } }`)).authors.pageInfo.endCursor;
    const onArticles = `query($cursor: String, $orderBy: ArticleOrder) { articles(after: $cursor, orderBy: $orderBy) { totalCount } }`;
    for (const orderBy of ["OLDEST", "NEWEST"]) {
      const cursor = await commentCursor(orderBy);
      assertRefused(await ask(onArticles, { cursor, orderBy }), "BAD_USER_INPUT", `a ${orderBy} comment cursor on ${orderBy} articles`);
    }
    assertRefused(await ask(onArticles, { cursor: authorCursor }), "BAD_USER_INPUT", "an author-list cursor on articles");

    for (const orderBy of ["OLDEST", "NEWEST"]) {
      const response = await ask(
        `query($slug: String, $cursor: String, $orderBy: CommentOrder) { article(slug: $slug) { comments(after: $cursor, orderBy: $orderBy) { totalCount } } }`,
        { slug: articles[0].slug, cursor: await feedCursor(orderBy), orderBy },
      );
      assertRefused(response, "BAD_USER_INPUT", `a ${orderBy} article cursor on ${orderBy} comments`);
    }
  });

  for (const [what, value] of TAMPERED_CURSORS) {
    test(`refuses a tampered cursor carrying ${what}`, async () => {
      const response = await ask(`query($cursor: String) { articles(after: $cursor) { totalCount } }`, { cursor: base64url(value) });
      assertRefused(response, "BAD_USER_INPUT", what, /after/);
    });
  }

  test("refuses excerpt lengths out of range", async () => {
    for (const maxLength of [0, -1, 5000]) {
      const response = await ask(`query($slug: String) { article(slug: $slug) { title excerpt(maxLength: ${maxLength}) } }`, {
        slug: articles[0].slug,
      });
      assertRefused(response, "BAD_USER_INPUT", `maxLength ${maxLength}`, /maxLength/);
    }
  });

  test("refuses more than 20 tag slugs", async () => {
    const tagSlugs = Array.from({ length: 21 }, (_, i) => `tag-${i}`);
    const query = `query($filter: ArticleFilter) { articles(filter: $filter) { totalCount } }`;
    assertRefused(await ask(query, { filter: { tagSlugs } }), "BAD_USER_INPUT", "21 tagSlugs", /tagSlugs/);
    await server().data(query, { filter: { tagSlugs: tagSlugs.slice(0, 20) } });
  });

  test("refuses excluded ids that are not article ids, or too many of them", async () => {
    const query = `query($ids: [ID!]) { articles(filter: { excludeIds: $ids }) { totalCount } }`;
    const valid = encodeGlobalId("Article", articles[0].id);
    for (const garbage of ["x", "", "A".repeat(5000), Buffer.from("Article:abc").toString("base64url")]) {
      assertRefused(await ask(query, { ids: [valid, garbage] }), "BAD_USER_INPUT", `excludeIds: ${garbage.slice(0, 20)}`, /excludeIds/);
    }
    assertRefused(await ask(query, { ids: Array.from({ length: 101 }, () => valid) }), "BAD_USER_INPUT", "101 excludeIds", /excludeIds/);
  });

  test("refuses article() with both slug and id, or with neither", async () => {
    const id = encodeGlobalId("Article", articles[0].id);
    assertRefused(await ask(`query($id: ID) { article(slug: "${articles[0].slug}", id: $id) { id } }`, { id }), "BAD_USER_INPUT", "both");
    assertRefused(await ask(`{ article { id } }`), "BAD_USER_INPUT", "neither");
    assertRefused(await ask(`{ article(slug: null, id: null) { id } }`), "BAD_USER_INPUT", "both null");
  });

  test("answers a body that is not JSON with HTTP 400 and a code", async () => {
    for (const body of ["{not json", "", '{"query": "{ __typename }"', "[1, 2"]) {
      const response = await send({ method: "POST", headers: { "content-type": "application/json" }, body });
      assert.equal(response.status, 400, `body ${JSON.stringify(body)}`);
      assert.equal(typeof response.body.errors?.[0].extensions?.code, "string");
      assert.ok(response.body.errors![0].message.length > 10);
    }
  });

  test("answers a request with no operation with HTTP 400 and a code", async () => {
    for (const body of [{}, { query: 42 }, { variables: {} }, [{ query: "{ __typename }" }]]) {
      const response = await send({ method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
      assert.equal(response.status, 400, JSON.stringify(body));
      assert.equal(typeof response.body.errors?.[0].extensions?.code, "string", JSON.stringify(body));
    }
  });

  test("reports a syntax error as GRAPHQL_PARSE_FAILED", async () => {
    const response = await ask(`{ articles(first: 1 { totalCount }`);
    assertRefused(response, "GRAPHQL_PARSE_FAILED", "syntax error", /Syntax Error/);
    assert.equal(response.status, 400);
  });

  test("reports an unknown field as GRAPHQL_VALIDATION_FAILED", async () => {
    const response = await ask(`{ articles { totalCount wordsOfWisdom } }`);
    assertRefused(response, "GRAPHQL_VALIDATION_FAILED", "unknown field", /wordsOfWisdom/);
    assert.equal(response.status, 400);
  });

  test("reports a variable of the wrong type as BAD_USER_INPUT", async () => {
    const cases: [string, Record<string, unknown>][] = [
      [`query($first: Int) { articles(first: $first) { totalCount } }`, { first: "ten" }],
      [`query($first: Int) { articles(first: $first) { totalCount } }`, { first: 2 ** 40 }],
      [`query($orderBy: ArticleOrder) { articles(orderBy: $orderBy) { totalCount } }`, { orderBy: "RANDOM" }],
      [`query($filter: ArticleFilter) { articles(filter: $filter) { totalCount } }`, { filter: { publishedAfter: "yesterday" } }],
      [`query($filter: ArticleFilter) { articles(filter: $filter) { totalCount } }`, { filter: { nope: 1 } }],
      [`query($slug: String!) { author(slug: $slug) { name } }`, {}],
    ];
    for (const [query, variables] of cases) {
      const response = await ask(query, variables);
      assertRefused(response, "BAD_USER_INPUT", JSON.stringify(variables));
      assert.equal(response.status, 400);
    }
  });

  test("masks an unexpected internal error, giving the request id to match the log", async () => {
    const kind = testDatabaseKinds().find((candidate) => candidate.name === server().kind)!;
    const broken = await TestServer.start(kind);
    try {
      // The driver now fails every article query with its own words (a missing column, the SQL around it).
      await broken.dataSource.query("ALTER TABLE article RENAME COLUMN title TO headline");
      for (const headers of [{}, { "x-request-id": "report-42" }] as Record<string, string>[]) {
        const response = await fetch(`${broken.baseUrl}/graphql`, {
          method: "POST",
          headers: { "content-type": "application/json", ...headers },
          body: JSON.stringify({ query: `query Front { articles(first: 3) { totalCount nodes { title } } }` }),
        });
        const text = await response.text();
        for (const leak of LEAKS) assert.doesNotMatch(text, leak);
        const body = JSON.parse(text);
        assert.equal(body.errors.length, 1);
        const [error] = body.errors;
        assert.equal(error.message, "Internal server error");
        assert.equal(error.extensions.code, "INTERNAL_SERVER_ERROR");
        assert.deepEqual(Object.keys(error.extensions).sort(), ["code", "requestId"]);
        assert.equal(typeof error.extensions.requestId, "string");
        assert.equal(response.headers.get("x-request-id"), error.extensions.requestId);
        if (headers["x-request-id"]) assert.equal(error.extensions.requestId, "report-42");
      }
    } finally {
      await broken.stop();
    }
  });
});
