import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { after, afterEach, before, test } from "node:test";
import { DEFAULT_CACHING } from "../src/config";
import { Article } from "../src/modules/article/article.entity";
import { encodeGlobalId } from "../src/shared/global-id";
import { ServerDeps } from "../src/server";
import { createArticle, createAuthor, createCategory } from "./factories/content";
import { metric } from "./helpers/caching";
import { describeEachDatabase } from "./helpers/each-database";
import { listenToComments } from "./helpers/live";
import { OwnRedis } from "./helpers/own-redis";
import { TestServer } from "./helpers/test-server";

const ADD = `mutation Add($input: AddCommentInput!) { addComment(input: $input) { comment { id } } }`;
const READ = `query Read($id: ID!) { article(id: $id) { id title } }`;
const ROUNDS = 10;

let redis: OwnRedis;

before(async () => {
  redis = await OwnRedis.start();
});

after(async () => {
  await redis.stop();
});

/** Every Redis user at once: pub/sub, flood control, APQ and the shared response cache, all on the test's own Redis. */
function optionsFor(rateLimit: number): Partial<ServerDeps> {
  return {
    comments: {
      redisUrl: redis.url,
      settings: { rateLimit: { limit: rateLimit, windowMs: 60_000 }, floodLimit: { limit: 1000, windowMs: 60_000 } },
      mail: { deliver: false },
    },
    caching: { ...DEFAULT_CACHING, responseCache: "redis", redisUrl: redis.url, keyPrefix: `broadsheet-test:${randomUUID()}:` },
  };
}

async function health(server: TestServer): Promise<{ status: string; degraded?: string[] }> {
  const response = await fetch(`${server.baseUrl}/healthz`);
  assert.equal(response.status, 200);
  return (await response.json()) as { status: string; degraded?: string[] };
}

/** Waits (as long as the test may run) until the server's Redis connections are all back. */
async function recovered(server: TestServer): Promise<void> {
  while ((await health(server)).status !== "ok") await new Promise((resolve) => setTimeout(resolve, 20));
}

describeEachDatabase(
  "Redis faults cost nothing but sharing",
  (server) => {
    let article: Article;
    let writer = 0;
    const articleId = () => encodeGlobalId("Article", article.id);
    const add = (on: TestServer) =>
      on.graphql(ADD, {
        input: { articleId: articleId(), authorName: "Ann", authorEmail: `writer${++writer}@example.com`, body: "Said while Redis was away" },
      });

    /** Reads and comments at once, on each given server: every answer must be a success. */
    async function load(servers: TestServer[]): Promise<string[]> {
      const added: string[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        const answers = await Promise.all(servers.flatMap((on) => [add(on), on.graphql(READ, { id: articleId() })]));
        for (const answer of answers) {
          assert.equal(answer.status, 200);
          assert.equal(answer.body.errors, undefined, JSON.stringify(answer.body.errors));
          if (answer.body.data.addComment) added.push(answer.body.data.addComment.comment.id);
        }
      }
      return added;
    }

    /** What a test started besides the server: stopped after it even when it timed out, so no handle keeps the file running. */
    const started: { stop(): Promise<void> }[] = [];

    before(async () => {
      const ds = server().dataSource;
      article = await createArticle(ds, { author: await createAuthor(ds), category: await createCategory(ds) });
    });

    afterEach(async () => {
      redis.thaw();
      await redis.restart().catch(() => undefined);
      for (const thing of started.splice(0).reverse()) await thing.stop();
    });

    // The timeouts only stop a hang (a request waiting on Redis) from holding the suite: a hang is the failure.
    test(
      "serves reads and comments without an error while Redis is down, reports it, and shares events again once it is back",
      { timeout: 120_000 },
      async () => {
        const second = await server().sibling(optionsFor(1000));
        started.push(second);
        const live = await listenToComments(second, articleId());
        started.push(live);
        await recovered(server());
        await redis.stop();
        const added = await load([server(), second]);
        assert.equal(added.length, 2 * ROUNDS);

        assert.equal((await fetch(`${server().baseUrl}/readyz`)).status, 200);
        const degraded = await health(server());
        assert.equal(degraded.status, "degraded");
        for (const role of ["redis:cache", "redis:rate-limit", "redis:pubsub-publish", "redis:pubsub-subscribe"])
          assert.ok(degraded.degraded!.includes(role), role);
        const metrics = await (await fetch(`${server().baseUrl}/metrics`)).text();
        assert.match(metrics, /^redis_up\{connection="rate-limit"\} 0$/m);
        assert.ok(Number(/^redis_fallbacks_total\{connection="rate-limit"\} (\d+)/m.exec(metrics)?.[1]) >= ROUNDS);
        // The second instance's own comments reached its subscriber without Redis; the first's could not cross.
        const secondsOwn = added.filter((id) => live.ids.includes(id));
        assert.equal(secondsOwn.length, ROUNDS);

        await redis.restart();
        await Promise.all([recovered(server()), recovered(second)]);
        assert.match(await (await fetch(`${server().baseUrl}/metrics`)).text(), /^redis_up\{connection="pubsub-subscribe"\} 1$/m);
        const across = await add(server());
        assert.equal(across.body.errors, undefined);
        await live.arrival(across.body.data.addComment.comment.id);
      },
    );

    test("answers within the bound of each Redis call while Redis hangs", { timeout: 120_000 }, async () => {
      await recovered(server());
      const before = await metric(server(), 'redis_fallbacks_total{connection="cache"}');
      redis.freeze();
      assert.equal((await load([server()])).length, ROUNDS);
      assert.ok((await metric(server(), 'redis_fallbacks_total{connection="cache"}')) > before);
      assert.equal((await fetch(`${server().baseUrl}/readyz`)).status, 200);
      redis.thaw();
    });

    test("counts rate limits on each instance alone while Redis is down", { timeout: 120_000 }, async () => {
      const limited = await server().sibling(optionsFor(3));
      started.push(limited);
      await redis.stop();
      for (let attempt = 1; attempt <= 3; attempt++) assert.equal((await add(limited)).body.errors, undefined, `attempt ${attempt} of 3`);
      const refused = await add(limited);
      assert.equal(refused.body.errors?.[0].extensions?.code, "RATE_LIMITED");
    });
  },
  () => optionsFor(1000),
);
