import assert from "node:assert/strict";
import { setTimeout as sleep } from "node:timers/promises";
import { after, before, describe, test } from "node:test";
import { CachingOptions } from "../src/config";
import { RedisResponseCache } from "../src/caching/redis-response-cache";
import { Article } from "../src/modules/article/article.entity";
import { createArticle, createAuthor, createCategory } from "./factories/content";
import { cachingFor, dropKeys, metric } from "./helpers/caching";
import { TestDatabase, testDatabaseKinds } from "./helpers/databases";
import { testRedis } from "./helpers/redis";
import { TcpProxy } from "./helpers/tcp-proxy";
import { GraphQLResponse, TestServer } from "./helpers/test-server";

const PAGE = `query Page($slug: String!) { article(slug: $slug) { title author { name } category { name } tags { name } } }`;

/** Long enough for requests sent at once to reach the cache while the database is stalled (a miss is awaited, not slept on). */
const ARRIVAL_MS = 300;

const postgres = testDatabaseKinds().find((kind) => kind.name === "postgres");

describe("misses of one answer computed once [postgres only: the test stalls its connection through a TCP proxy]", { skip: !postgres }, () => {
  let proxy: TcpProxy;
  let server: TestServer;
  let caching: CachingOptions;
  /** Another instance's view of the shared Redis cache: what it purges, every instance sees. */
  let otherInstance: RedisResponseCache;
  const redis = testRedis();
  const articles: Article[] = [];
  /** SQL statements of one execution of PAGE. */
  let perExecution: number;

  before(async () => {
    const database: TestDatabase = await postgres!.create();
    const target = new URL(database.url);
    proxy = await TcpProxy.start(target.hostname, Number(target.port || 5432));
    caching = cachingFor("redis", { responseCacheTtlSeconds: 3600 });
    server = await TestServer.on("postgres", { url: proxy.through(database.url), drop: database.drop }, { caching });
    await redis.connect();
    otherInstance = new RedisResponseCache(redis, caching.keyPrefix, 3600);
    const ds = server.dataSource;
    const [author, category] = [await createAuthor(ds), await createCategory(ds)];
    for (let n = 0; n < 4; n++) articles.push(await createArticle(ds, { author, category }));
    perExecution = await server.countQueries(PAGE, { slug: articles[0].slug });
    assert.ok(perExecution >= 1);
  });

  after(async () => {
    proxy.restore();
    await dropKeys(caching);
    redis.disconnect();
    await server.stop();
    await proxy.close();
  });

  const ask = (article: Article) => server.graphql(PAGE, { slug: article.slug });
  const misses = () => metric(server, "response_cache_misses_total");

  /**
   * Resolves once the server has counted more than `count` misses (a request
   * that missed is computing its answer), or after a few seconds: a request
   * that waits for another's answer counts none, and the test's assertions
   * then say what went wrong.
   */
  async function missesAbove(count: number): Promise<void> {
    const giveUp = Date.now() + 10 * ARRIVAL_MS;
    while ((await misses()) <= count && Date.now() < giveUp) await sleep(10);
  }

  /**
   * Sends `count` requests for the page of `article` while the database is
   * stalled; once they have arrived, `meanwhile` runs and may send more.
   */
  async function whileStalled(article: Article, count: number, meanwhile: () => Promise<Promise<GraphQLResponse>[]> = async () => []) {
    const before = await server.queriesSent();
    const missed = await misses();
    proxy.stall();
    const sent = Array.from({ length: count }, () => ask(article));
    await missesAbove(missed);
    await sleep(ARRIVAL_MS);
    sent.push(...(await meanwhile()));
    await sleep(ARRIVAL_MS);
    proxy.restore();
    const answers = await Promise.all(sent);
    for (const answer of answers) assert.deepEqual(answer.body.data.article.title, article.title);
    return { answers, statements: (await server.queriesSent()) - before };
  }

  test("requests that arrive while the answer is computed wait for it: one execution answers them all", async () => {
    const { answers, statements } = await whileStalled(articles[1], 4);
    assert.equal(statements, perExecution);
    assert.equal(answers.filter((answer) => answer.headers.get("x-cache") === "HIT").length, 3);
  });

  test("requests that arrived before a purge get the answer being computed, though the purge keeps it from being stored", async () => {
    const { statements } = await whileStalled(articles[2], 3, async () => {
      await otherInstance.purge([`article:${articles[2].id}`]);
      return [];
    });
    assert.equal(statements, perExecution, "one execution for the three");
    assert.equal(await server.countQueries(PAGE, { slug: articles[2].slug }), perExecution, "not stored: the next request computes it");
  });

  test("a request that arrives after a purge does not wait for an answer computed before it: it computes its own", async () => {
    const { answers, statements } = await whileStalled(articles[3], 1, async () => {
      await otherInstance.purge([`article:${articles[3].id}`]);
      const missed = await misses();
      const after = ask(articles[3]);
      await missesAbove(missed);
      return [after];
    });
    assert.equal(answers.length, 2);
    assert.equal(statements, 2 * perExecution);
  });
});
