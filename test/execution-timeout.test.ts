import assert from "node:assert/strict";
import { before, describe, test } from "node:test";
import { Client } from "pg";
import { Clock } from "../src/shared/deadline";
import { createArticle, createAuthor, createCategory, createTag } from "./factories/content";
import { TestDatabase, testDatabaseKinds } from "./helpers/databases";
import { describeEachDatabase } from "./helpers/each-database";
import { TestServer } from "./helpers/test-server";

/** A feed whose fields take four batches after the page itself (related ranking, their rows, bodies, comments). */
const PAGE = `{ articles(first: 5) { nodes { title author { name } category { name } tags { name }
  relatedArticles(first: 3) { nodes { title } } keepReading { title } body comments(first: 2) { nodes { authorName } } } } }`;

/** Every look at it is a second later: a request's budget runs out after a known number of statements, whatever the machine's speed. */
function secondPerLook(): Clock {
  let now = 0;
  return () => (now += 1000);
}

// The deadline is set at 1 s and checked at 2 s, 3 s, 4 s, …: two batches of statements fit in 2.5 s, the third does not.
describeEachDatabase(
  "a request's time budget",
  (server) => {
    before(async () => {
      const ds = server().dataSource;
      const author = await createAuthor(ds);
      const category = await createCategory(ds);
      const tags = [await createTag(ds), await createTag(ds)];
      for (let i = 0; i < 6; i++) await createArticle(ds, { author, category, tags });
    });

    test("stops a request past its budget: one EXECUTION_TIMEOUT error, no more SQL, never a 500", async () => {
      const unlimited = await server().sibling();
      let full: number;
      try {
        full = await unlimited.countQueries(PAGE);
      } finally {
        await unlimited.stop();
      }

      const before = await server().queriesSent();
      const response = await server().graphql(PAGE);
      const sent = (await server().queriesSent()) - before;

      assert.equal(response.status, 200);
      assert.deepEqual(
        response.body.errors?.map((error) => error.extensions?.code),
        ["EXECUTION_TIMEOUT"],
      );
      assert.match(response.body.errors![0].message, /time limit/);
      assert.ok(sent < full, `the timed-out request sent ${sent} statements, the whole page ${full}`);
    });

    test("gives every request a budget of its own: the next one within it succeeds", async () => {
      const data = await server().data(`{ articles(first: 2) { nodes { title author { name } } } }`);
      assert.equal(data.articles.nodes.length, 2);
      assert.ok(data.articles.nodes.every((node: { author: { name: string } }) => node.author.name));
    });
  },
  { clock: secondPerLook(), timeouts: { executionMs: 2500, databaseConnectMs: 2000 } },
);

const postgres = testDatabaseKinds().find((kind) => kind.name === "postgres");

describe("a statement past the budget [postgres only: statement_timeout]", { skip: !postgres }, () => {
  test("cancels a statement stuck behind a lock with EXECUTION_TIMEOUT, then serves as before", async () => {
    const database: TestDatabase = await postgres!.create();
    const server = await TestServer.on("postgres", database, { timeouts: { executionMs: 300, databaseConnectMs: 2000 } });
    const locker = new Client({ connectionString: database.url });
    await locker.connect();
    try {
      const ds = server.dataSource;
      await createArticle(ds, { author: await createAuthor(ds), category: await createCategory(ds) });
      // Another session holds the table: the server's statement can only wait, until statement_timeout cancels it.
      await locker.query("BEGIN");
      await locker.query("LOCK TABLE article IN ACCESS EXCLUSIVE MODE");
      const response = await server.graphql(`{ articles(first: 1) { totalCount } }`);
      assert.equal(response.status, 200);
      assert.deepEqual(
        response.body.errors?.map((error) => error.extensions?.code),
        ["EXECUTION_TIMEOUT"],
      );
      assert.doesNotMatch(JSON.stringify(response.body), /canceling|statement|SELECT/);
      await locker.query("ROLLBACK");
      assert.equal((await server.data(`{ articles(first: 1) { totalCount } }`)).articles.totalCount, 1);
    } finally {
      await locker.end();
      await server.stop();
    }
  });
});
