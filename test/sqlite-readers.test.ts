import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { QueryFailedError } from "typeorm";
import { createDataSource } from "../ormconfig";
import { readOnReaderThreads } from "../src/database/sqlite-readers";
import { createLogger } from "../src/logger";
import { Article } from "../src/modules/article/article.entity";
import { createArticle, createAuthor, createCategory, createComment, createTag } from "./factories/content";
import { metric } from "./helpers/caching";
import { testDatabaseKinds } from "./helpers/databases";
import { TestServer } from "./helpers/test-server";

const PAGE = `query Page($slug: String!) {
  article(slug: $slug) {
    title
    author { name articles(first: 3) { nodes { slug } } }
    comments(first: 5) { totalCount nodes { body replies(first: 2) { nodes { body } } } }
    relatedArticles(first: 3) { nodes { slug } }
  }
  articles(first: 5) { nodes { slug tags { name } } }
}`;

/** A statement long enough (a few hundred milliseconds) to be in flight on its reader when that thread stops. */
const SLOW_COUNT = "WITH RECURSIVE counter(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM counter WHERE n < 2000000) SELECT COUNT(*) AS n FROM counter";

/** SQLite only: PostgreSQL reads in its own server processes. */
const sqlite = testDatabaseKinds().find((kind) => kind.name === "sqlite")!;

describe("SQLite reads on reader threads", () => {
  let server: TestServer;
  /** The same database served with every statement on the event loop's connection. */
  let direct: TestServer;
  let slug: string;

  before(async () => {
    server = await TestServer.start(sqlite, { sqliteReaders: 2 });
    direct = await server.sibling({ sqliteReaders: 0 });
    const ds = server.dataSource;
    const author = await createAuthor(ds);
    const category = await createCategory(ds);
    const tags = [await createTag(ds), await createTag(ds)];
    const articles = [];
    for (let i = 0; i < 5; i++) articles.push(await createArticle(ds, { author, category, tags: tags.slice(0, 1 + (i % 2)) }));
    const thread = await createComment(ds, { article: articles[0] });
    await createComment(ds, { article: articles[0], parent: thread });
    slug = articles[0].slug;
  });

  after(async () => {
    await direct?.stop();
    await server?.stop();
  });

  test("answer an article page as the event loop's connection does, every statement on a reader", async () => {
    // One process, one metrics registry: each server's requests are counted apart, one after the other.
    const sentBefore = await server.queriesSent();
    const readBefore = await metric(server, "db_reader_queries_total");
    const answer = await server.data(PAGE, { slug });
    const sent = (await server.queriesSent()) - sentBefore;
    assert.ok(sent >= 3, `the page takes several statements (${sent})`);
    assert.equal((await metric(server, "db_reader_queries_total")) - readBefore, sent, "every statement of the page went to a reader");

    const directReadBefore = await metric(direct, "db_reader_queries_total");
    assert.deepEqual(await direct.data(PAGE, { slug }), answer);
    assert.equal(await metric(direct, "db_reader_queries_total"), directReadBefore, "SQLITE_READERS=0 reads on the main connection");
    assert.equal(answer.article.comments.nodes[0].replies.nodes.length, 1);
  });

  test("read what was written just before, on the main connection", async () => {
    await server.dataSource.getRepository(Article).update({ slug }, { title: "Written a moment ago" });
    const readBefore = await metric(server, "db_reader_queries_total");
    const { article } = await server.data(`query($slug: String!) { article(slug: $slug) { title } }`, { slug });
    assert.equal(article.title, "Written a moment ago");
    assert.ok((await metric(server, "db_reader_queries_total")) > readBefore);
  });

  test("read a transaction's own writes on the main connection, before it commits", async () => {
    const readBefore = await metric(server, "db_reader_queries_total");
    const seen = await server.dataSource
      .transaction(async (manager) => {
        await manager.getRepository(Article).update({ slug }, { title: "Not committed yet" });
        const [row] = (await manager.query("SELECT title FROM article WHERE slug = ?", [slug])) as { title: string }[];
        throw Object.assign(new Error("roll back"), { seen: row.title });
      })
      .catch((error: { seen?: string }) => error.seen);
    assert.equal(seen, "Not committed yet");
    assert.equal(await metric(server, "db_reader_queries_total"), readBefore, "no statement of the transaction went to a reader");
    const { article } = await server.data(`query($slug: String!) { article(slug: $slug) { title } }`, { slug });
    assert.equal(article.title, "Written a moment ago", "rolled back");
  });

  test("fail a statement on a reader as on the main connection: QueryFailedError with SQLite's code", async () => {
    const failed = await server.dataSource.query("SELECT json_extract('not json', '$') AS value").catch((error: unknown) => error);
    assert.ok(failed instanceof QueryFailedError);
    assert.equal((failed as QueryFailedError & { driverError: { code?: string } }).driverError.code, "SQLITE_ERROR");
    assert.match(failed.message, /malformed JSON/);
  });

  test("answer each text as itself, whether sent whole or by number, past the texts it numbers and when many ask for a new one at once", async () => {
    const dataSource = await createDataSource(`sqlite:${String(server.dataSource.options.database)}`).initialize();
    const readers = readOnReaderThreads(dataSource, 2, createLogger("silent"))!;
    const read = async (sql: string, value: number) => ((await dataSource.query(sql, [value])) as { n: number }[])[0].n;
    try {
      // Statements of one new text, all in flight together, then another new text: each must run its own.
      const together = await Promise.all(Array.from({ length: 8 }, (_, index) => read("SELECT ? + 1 AS n", index)));
      assert.deepEqual(together, [1, 2, 3, 4, 5, 6, 7, 8]);
      assert.equal(await read("SELECT ? * 10 AS n", 3), 30);
      // More texts than the readers number (1,000), each asked twice across both threads.
      const texts = Array.from({ length: 1_050 }, (_, index) => `SELECT ? + ${index * 1000} AS n`);
      for (const [index, sql] of texts.entries()) assert.equal(await read(sql, 1), index * 1000 + 1);
      const again = await Promise.all(texts.map((sql, index) => read(sql, 2).then((n) => n === index * 1000 + 2)));
      assert.ok(again.every(Boolean), "every text answered as itself the second time");
      assert.deepEqual(await Promise.all([read("SELECT ? + 1 AS n", 9), read("SELECT ? * 10 AS n", 9)]), [10, 90]);
    } finally {
      await readers.stop();
      await dataSource.destroy();
    }
  });

  test(
    "run a statement on the main connection when its reader thread stops under it, and every later one on the readers left",
    { timeout: 60_000 },
    async () => {
      const dataSource = await createDataSource(`sqlite:${String(server.dataSource.options.database)}`).initialize();
      const readers = readOnReaderThreads(dataSource, 2, createLogger("silent"))!;
      try {
        const readBefore = await metric(server, "db_reader_queries_total");
        // Both readers are idle: the statement goes to the first, which is stopped while it counts.
        const counting = dataSource.query(SLOW_COUNT);
        await readers.threads[0].terminate();
        assert.deepEqual(await counting, [{ n: 2_000_000 }]);
        assert.equal(await metric(server, "db_reader_queries_total"), readBefore, "answered by the main connection");
        assert.equal(readers.threads.length, 1);

        const [row] = (await dataSource.query("SELECT title FROM article WHERE slug = ?", [slug])) as { title: string }[];
        assert.equal(row.title, "Written a moment ago");
        assert.equal(await metric(server, "db_reader_queries_total"), readBefore + 1, "the reader left answers");
      } finally {
        await readers.stop();
        await dataSource.destroy();
      }
    },
  );
});
