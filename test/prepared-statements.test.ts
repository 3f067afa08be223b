import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { createArticle, createAuthor, createCategory, createTag } from "./factories/content";
import { testDatabaseKinds } from "./helpers/databases";
import { TestServer } from "./helpers/test-server";

const FEED = `query Feed($first: Int!, $after: String) {
  articles(first: $first, after: $after) {
    edges { cursor node { slug title author { name } category { name } tags { name } } }
    pageInfo { hasNextPage endCursor }
  }
}`;

const postgres = testDatabaseKinds().find((kind) => kind.name === "postgres");

// Named prepared statements are PostgreSQL's; SQLite has no such protocol step.
describe("list statements as named prepared statements [postgres]", { skip: postgres ? false : "TEST_DATABASE_URL is not set" }, () => {
  let server: TestServer;
  let slug: string;
  before(async () => {
    server = await TestServer.start(postgres!, { comments: { mail: { pollMs: 0 } } });
    const category = await createCategory(server.dataSource);
    const author = await createAuthor(server.dataSource);
    const tag = await createTag(server.dataSource);
    for (let i = 0; i < 5; i++) slug = (await createArticle(server.dataSource, { author, category, tags: [tag] })).slug;
  });
  after(async () => {
    await server?.stop();
  });

  test("a feed page read again runs as a named statement and answers the same", async () => {
    const first = await server.data(FEED, { first: 2 });
    // The first read keeps the text, the second names it, later ones run it by name.
    await server.data(FEED, { first: 2 });
    const byName = await server.data(FEED, { first: 2 });
    assert.deepEqual(byName, first);
    // The pool hands out its most recently released connection, the one that served the reads.
    const prepared: { name: string }[] = await server.dataSource.query("SELECT name FROM pg_prepared_statements");
    assert.ok(
      prepared.some(({ name }) => name.startsWith("broadsheet_")),
      `no named statement on the connection: ${JSON.stringify(prepared)}`,
    );
    const next = await server.data(FEED, { first: 2, after: first.articles.pageInfo.endCursor });
    const again = await server.data(FEED, { first: 2, after: first.articles.pageInfo.endCursor });
    assert.deepEqual(again, next);
    assert.notDeepEqual(next.articles.edges, first.articles.edges);
  });

  test("an article page's related-articles ranking runs as a named statement and answers the same", async () => {
    const PAGE = `query($slug: String!) { article(slug: $slug) { relatedArticles(first: 3) { totalCount edges { score node { slug } } } keepReading { slug } } }`;
    const first = await server.data(PAGE, { slug });
    const again = await server.data(PAGE, { slug });
    assert.deepEqual(again, first);
    assert.equal(first.article.relatedArticles.totalCount, 4);
    const prepared: { name: string; statement: string }[] = await server.dataSource.query("SELECT name, statement FROM pg_prepared_statements");
    assert.ok(
      prepared.some(({ name, statement }) => name.startsWith("broadsheet_") && statement.startsWith("SELECT related.*")),
      `no named ranking statement on the connection: ${JSON.stringify(prepared.map(({ name }) => name))}`,
    );
  });
});
