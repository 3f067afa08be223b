import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { after, before, test } from "node:test";
import { DEFAULT_VIEWS, ViewOptions } from "../src/config";
import { Article } from "../src/modules/article/article.entity";
import { ServerDeps } from "../src/server";
import { encodeGlobalId } from "../src/shared/global-id";
import { createArticle, createAuthor, createCategory } from "./factories/content";
import { describeEachDatabase } from "./helpers/each-database";
import { closedPort } from "./helpers/entry-points";
import { REDIS_URL, requireRedis, testRedis } from "./helpers/redis";
import { TestServer } from "./helpers/test-server";

const RECORD = `mutation Record($input: RecordViewInput!) { recordView(input: $input) }`;
const HUMAN = { "user-agent": "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0" };

const quiet = (views: ViewOptions): Partial<ServerDeps> => ({ schedulerIntervalMs: 0, comments: { mail: { pollMs: 0 } }, views });

async function record(server: TestServer, article: Article, readerKey: string): Promise<boolean> {
  return (await server.data(RECORD, { input: { articleId: encodeGlobalId("Article", article.id), readerKey } }, HUMAN)).recordView;
}

async function weekViews(server: TestServer, article: Article): Promise<number> {
  return (await server.data(`query($slug: String!) { article(slug: $slug) { viewCount } }`, { slug: article.slug })).article.viewCount;
}

/** Retries `check` until it stops throwing: counted views show after the next flush. */
async function eventually(check: () => Promise<void>, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }
}

const keyPrefix = `broadsheet-test:${randomUUID()}:`;

describeEachDatabase(
  "most read across instances sharing Redis",
  (server) => {
    let second: TestServer;
    let article: Article;

    before(async () => {
      await requireRedis(REDIS_URL);
      second = await server().sibling(quiet({ ...DEFAULT_VIEWS, flushIntervalMs: 50, redisUrl: REDIS_URL, keyPrefix }));
      article = await createArticle(server().dataSource, {
        author: await createAuthor(server().dataSource),
        category: await createCategory(server().dataSource),
      });
    });

    after(async () => {
      await second?.stop();
      const redis = testRedis();
      const keys = await redis.keys(`${keyPrefix}*`);
      if (keys.length > 0) await redis.del(...keys);
      redis.disconnect();
    });

    test("counts a reader once whichever instance their views reach", async () => {
      const ada = randomUUID();
      assert.equal(await record(server(), article, ada), true);
      assert.equal(await record(second, article, ada), false, "the same reader on the other instance");
      assert.equal(await record(second, article, randomUUID()), true, "another reader");
      await eventually(async () => assert.equal(await weekViews(server(), article), 2));
      assert.equal(await weekViews(second, article), 2);
    });

    test("keeps only a hash of the reader in Redis, with the window's expiry", async () => {
      const readerKey = `reader-${randomUUID()}`;
      await record(server(), article, readerKey);
      const redis = testRedis();
      try {
        const keys = await redis.keys(`${keyPrefix}views:seen:*`);
        assert.ok(keys.length >= 3);
        assert.ok(keys.every((key) => !key.includes(readerKey)));
        const week = keys.find((key) => key.includes(":WEEK:"))!;
        const ttl = await redis.pttl(week);
        assert.ok(ttl > 6 * 86_400_000 && ttl <= 7 * 86_400_000, `the WEEK mark expires after a week (${ttl} ms)`);
      } finally {
        redis.disconnect();
      }
    });
  },
  () => quiet({ ...DEFAULT_VIEWS, flushIntervalMs: 50, redisUrl: REDIS_URL, keyPrefix }),
);

describeEachDatabase("most read while Redis is unreachable", (server) => {
  test("counts views in the instance's memory instead, never failing or refusing one", async () => {
    const down = await server().sibling(quiet({ ...DEFAULT_VIEWS, flushIntervalMs: 50, redisUrl: `redis://127.0.0.1:${await closedPort()}`, keyPrefix }));
    try {
      const article = await createArticle(server().dataSource, {
        author: await createAuthor(server().dataSource),
        category: await createCategory(server().dataSource),
      });
      const ada = randomUUID();
      assert.equal(await record(down, article, ada), true);
      assert.equal(await record(down, article, ada), false, "once per reader still, in memory");
      await eventually(async () => assert.equal(await weekViews(server(), article), 1));
    } finally {
      await down.stop();
    }
  });
});
