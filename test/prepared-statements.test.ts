import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { createArticle, createAuthor, createCategory } from "./factories/content";
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
  before(async () => {
    server = await TestServer.start(postgres!, { comments: { mail: { pollMs: 0 } } });
    const category = await createCategory(server.dataSource);
    const author = await createAuthor(server.dataSource);
    for (let i = 0; i < 5; i++) await createArticle(server.dataSource, { author, category });
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
});
