import assert from "node:assert/strict";
import { after, before, describe, mock, test } from "node:test";
import { refreshPlannerStatistics } from "../src/database/planner-statistics";
import { createLogger } from "../src/logger";
import { createArticle, createAuthor, createCategory, createTag } from "./factories/content";
import { testDatabaseKinds } from "./helpers/databases";
import { TestServer } from "./helpers/test-server";

const PAGE = `query($slug: String!) {
  article(slug: $slug) {
    title author { name articles(first: 2) { nodes { slug } } } category { name }
    relatedArticles(first: 3) { edges { score node { slug } } }
    comments(first: 5) { totalCount nodes { body } }
  }
}`;

const sqlite = testDatabaseKinds().find((kind) => kind.name === "sqlite")!;

async function rowsIn(server: TestServer, table: string): Promise<number> {
  const [{ count }] = await server.dataSource.query(`SELECT COUNT(*) AS count FROM ${table}`);
  return Number(count);
}

// STAT4 is the SQLite build's (better-sqlite3's); PostgreSQL keeps its own statistics.
describe("SQLite planner statistics [sqlite: better-sqlite3's build has STAT4]", () => {
  let server: TestServer;
  let slug: string;
  before(async () => {
    server = await TestServer.start(sqlite, { comments: { mail: { pollMs: 0 } } });
    const category = await createCategory(server.dataSource);
    const author = await createAuthor(server.dataSource);
    const tags = [await createTag(server.dataSource), await createTag(server.dataSource)];
    for (let i = 0; i < 12; i++) slug = (await createArticle(server.dataSource, { author, category, tags: tags.slice(0, 1 + (i % 2)) })).slug;
  });
  after(async () => {
    await server?.stop();
  });

  test("a connection that opens keeps ANALYZE's averages and drops its samples, and answers the same", async () => {
    const before = await server.data(PAGE, { slug });
    await server.dataSource.query("ANALYZE");
    assert.ok((await rowsIn(server, "sqlite_stat4")) > 0, "ANALYZE left no samples: the build has no STAT4, and this test shows nothing");
    const sibling = await server.sibling();
    try {
      assert.equal(await rowsIn(sibling, "sqlite_stat4"), 0);
      assert.ok((await rowsIn(sibling, "sqlite_stat1")) > 0, "the averages the planner needs are gone");
      assert.deepEqual(await sibling.data(PAGE, { slug }), before);
    } finally {
      await sibling.stop();
    }
  });

  test("the serving connection's hourly refresh drops the samples a later ANALYZE made", async () => {
    const before = await server.data(PAGE, { slug });
    await server.dataSource.query("ANALYZE");
    assert.ok((await rowsIn(server, "sqlite_stat4")) > 0);
    mock.timers.enable({ apis: ["setInterval"] });
    const stop = refreshPlannerStatistics(server.dataSource, createLogger("silent"));
    try {
      mock.timers.tick(60 * 60 * 1000);
      // The refresh queues behind the process's write transactions: wait for it to have run.
      for (let wait = 0; wait < 100 && (await rowsIn(server, "sqlite_stat4")) > 0; wait++) await new Promise((resolve) => setImmediate(resolve));
    } finally {
      stop();
      mock.timers.reset();
    }
    assert.equal(await rowsIn(server, "sqlite_stat4"), 0);
    assert.ok((await rowsIn(server, "sqlite_stat1")) > 0);
    assert.deepEqual(await server.data(PAGE, { slug }), before);
  });
});
