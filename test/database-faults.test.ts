import assert from "node:assert/strict";
import Database from "better-sqlite3";
import { after, before, describe, test } from "node:test";
import { Role } from "../src/modules/user/role";
import { createArticle, createAuthor, createCategory } from "./factories/content";
import { createUser, signIn } from "./factories/users";
import { TestDatabase, testDatabaseKinds } from "./helpers/databases";
import { TcpProxy } from "./helpers/tcp-proxy";
import { GraphQLResponse, TestServer } from "./helpers/test-server";

const ADD_COMMENT = `mutation($input: AddCommentInput!) { addComment(input: $input) { comment { body } } }`;
const FEED = "{ articles(first: 5) { totalCount nodes { title author { name } } } }";

/** What a client sees when the database is gone: a coded, retryable error that leaks nothing. */
function assertUnavailable(response: GraphQLResponse): void {
  assert.equal(response.status, 503, JSON.stringify(response.body));
  assert.deepEqual(
    response.body.errors?.map((error) => error.extensions?.code),
    ["DATABASE_UNAVAILABLE"],
  );
  assert.doesNotMatch(JSON.stringify(response.body), /ECONN|terminated|SELECT|postgres|sqlite|stack/i);
}

const postgres = testDatabaseKinds().find((kind) => kind.name === "postgres");

describe("losing the database [postgres only: its connection runs through a TCP proxy the test cuts]", { skip: !postgres }, () => {
  let proxy: TcpProxy;
  let server: TestServer;

  before(async () => {
    const database: TestDatabase = await postgres!.create();
    const target = new URL(database.url);
    proxy = await TcpProxy.start(target.hostname, Number(target.port || 5432));
    server = await TestServer.on(
      "postgres",
      { url: proxy.through(database.url), drop: database.drop },
      { timeouts: { executionMs: 1000, databaseConnectMs: 500 } },
    );
    const ds = server.dataSource;
    await createArticle(ds, { title: "Still here", author: await createAuthor(ds), category: await createCategory(ds) });
  });

  after(async () => {
    proxy.restore();
    await server.stop();
    await proxy.close();
  });

  test("answers DATABASE_UNAVAILABLE instead of hanging, reports not ready but alive, and recovers by itself", async () => {
    const editor = await signIn(server, await createUser(server.dataSource, Role.EDITOR));
    assert.equal((await server.data(FEED)).articles.totalCount, 1);
    assert.equal((await fetch(`${server.baseUrl}/readyz`)).status, 200);

    proxy.cut();
    // Every pooled connection is dead now; each request finds that out and the next finds none.
    for (let attempt = 0; attempt < 3; attempt++) assertUnavailable(await server.graphql(FEED));
    // A signed-in request fails earlier, looking up its user before the operation runs.
    assertUnavailable(await server.graphql(FEED, undefined, editor));
    const ready = await fetch(`${server.baseUrl}/readyz`);
    assert.equal(ready.status, 503);
    assert.deepEqual(await ready.json(), { status: "database unavailable" });
    assert.equal((await fetch(`${server.baseUrl}/healthz`)).status, 200);

    proxy.restore();
    assert.equal((await server.data(FEED)).articles.nodes[0].title, "Still here");
    assert.equal((await fetch(`${server.baseUrl}/readyz`)).status, 200);
  });

  test("answers DATABASE_UNAVAILABLE instead of hanging when the network goes silent, and recovers when it flows again", async () => {
    assert.equal((await server.data(FEED)).articles.totalCount, 1);

    proxy.stall();
    // A pooled connection waits past the statement timeout for an answer that cannot come; a new one, past the connect timeout.
    for (let attempt = 0; attempt < 2; attempt++) assertUnavailable(await server.graphql(FEED));
    assert.equal((await fetch(`${server.baseUrl}/readyz`)).status, 503);
    assert.equal((await fetch(`${server.baseUrl}/healthz`)).status, 200);

    proxy.restore();
    assert.equal((await server.data(FEED)).articles.nodes[0].title, "Still here");
    assert.equal((await fetch(`${server.baseUrl}/readyz`)).status, 200);
  });
});

describe("losing the database [sqlite: locked by another process, or closed under the server]", () => {
  const sqlite = testDatabaseKinds().find((kind) => kind.name === "sqlite")!;
  let server: TestServer;

  before(async () => {
    server = await TestServer.start(sqlite);
    const ds = server.dataSource;
    await createArticle(ds, { title: "Still here", author: await createAuthor(ds), category: await createCategory(ds) });
  });

  after(async () => {
    await server.stop();
  });

  test("answers DATABASE_UNAVAILABLE to a write while another process holds the write lock past busy_timeout, then writes", async () => {
    const article = await server.data(`{ articles(first: 1) { nodes { id } } }`);
    const comment = { articleId: article.articles.nodes[0].id, authorName: "Ada", authorEmail: "ada@example.com", body: "Waited my turn" };
    const other = new Database(String(server.dataSource.options.database));
    try {
      other.exec("BEGIN IMMEDIATE");
      assertUnavailable(await server.graphql(ADD_COMMENT, { input: comment }));
      other.exec("ROLLBACK");
    } finally {
      other.close();
    }
    assert.equal((await server.data(ADD_COMMENT, { input: comment })).addComment.comment.body, "<p>Waited my turn</p>");
  });

  test("answers DATABASE_UNAVAILABLE, reports not ready but alive, and serves again once it reopens", async () => {
    await server.dataSource.destroy();
    assertUnavailable(await server.graphql(FEED));
    assert.equal((await fetch(`${server.baseUrl}/readyz`)).status, 503);
    assert.equal((await fetch(`${server.baseUrl}/healthz`)).status, 200);

    await server.dataSource.initialize();
    assert.equal((await server.data(FEED)).articles.nodes[0].title, "Still here");
    assert.equal((await fetch(`${server.baseUrl}/readyz`)).status, 200);
  });
});
