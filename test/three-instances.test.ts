import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { after, before, describe, test } from "node:test";
import { DEFAULT_CACHING } from "../src/config";
import { ArticleStatus } from "../src/modules/article/article-status";
import { Article } from "../src/modules/article/article.entity";
import { AuditEvent } from "../src/modules/user/audit/audit-event.entity";
import { encodeGlobalId } from "../src/shared/global-id";
import { ServerDeps } from "../src/server";
import { createArticle, createAuthor, createCategory } from "./factories/content";
import { getGraphql } from "./helpers/caching";
import { Live, listen, listenToComments } from "./helpers/live";
import { OwnRedis } from "./helpers/own-redis";
import { TestReplica, withReplica } from "./helpers/replica";
import { TestServer } from "./helpers/test-server";

const ADD = `mutation Add($input: AddCommentInput!) { addComment(input: $input) { comment { id } } }`;
const COMMENTS = `query Comments($id: ID!) { article(id: $id) { id commentCount } }`;
const PUBLISHED = `subscription { articlePublished { id } }`;
const COMMENTS_PER_INSTANCE = 3;
/** Every comment the test posts, on whichever instance: one more is refused, wherever it is sent. */
const RATE_LIMIT = 3 * COMMENTS_PER_INSTANCE + 1;

withReplica("three instances", (replica: TestReplica) => {
  describe("three instances over a primary, a replica and one Redis", () => {
    let redis: OwnRedis;
    let instances: TestServer[] = [];
    let article: Article;
    const articleId = () => encodeGlobalId("Article", article.id);
    let writer = 0;
    const readPage = (on: TestServer) => getGraphql(on, { query: COMMENTS, variables: { id: articleId() } });
    /** Reads until the shared cache answers (a delayed purge may empty it meanwhile). */
    const cached = async (on: TestServer) => {
      while ((await readPage(on)).headers.get("x-cache") !== "HIT");
    };
    const add = (on: TestServer) =>
      on.graphql(ADD, { input: { articleId: articleId(), authorName: "Ann", authorEmail: `reader${++writer}@example.com`, body: "From one of three" } });

    before(async () => {
      redis = await OwnRedis.start();
      const database = await replica.primary.create();
      const keyPrefix = `broadsheet-test:${randomUUID()}:`;
      const options: Partial<ServerDeps> = {
        replicas: { urls: [replica.urlOf(database)], maxLagMs: 5000, checkIntervalMs: 100 },
        comments: {
          redisUrl: redis.url,
          settings: { rateLimit: { limit: RATE_LIMIT, windowMs: 600_000 }, floodLimit: { limit: 1000, windowMs: 60_000 } },
          mail: { deliver: false },
        },
        caching: { ...DEFAULT_CACHING, responseCache: "redis", redisUrl: redis.url, keyPrefix },
        // Every instance races for due articles every few milliseconds.
        schedulerIntervalMs: 5,
      };
      const first = await TestServer.on("postgres", database, options);
      instances = [first, await first.sibling(options), await first.sibling(options)];
      const ds = first.dataSource;
      article = await createArticle(ds, { author: await createAuthor(ds), category: await createCategory(ds) });
    });

    let comments: Live[] = [];
    let publications: Live[] = [];

    after(async () => {
      await Promise.all([...comments, ...publications].map((live) => live.stop()));
      for (const instance of instances.slice(1)) await instance.stop();
      await instances[0]?.stop();
      await redis.stop();
    });

    test(
      "delivers every event to every subscriber once, publishes a scheduled article once, purges every cache and counts rate limits together",
      { timeout: 120_000 },
      async () => {
        comments = await Promise.all(instances.map((on) => listenToComments(on, articleId())));
        publications = await Promise.all(instances.map((on) => listen(on, PUBLISHED, {}, "articlePublished")));
        // Comments on each instance, and a scheduled article falling due while they are posted.
        const ds = instances[0].dataSource;
        const scheduled = await createArticle(ds, {
          author: await createAuthor(ds),
          category: await createCategory(ds),
          status: ArticleStatus.SCHEDULED,
          publishedAt: new Date(Date.now() - 1000),
        });
        const posted: string[] = [];
        for (let round = 0; round < COMMENTS_PER_INSTANCE; round++) {
          for (const [index, on] of instances.entries()) {
            // The page cached for readers of the next instance; the comment posted here must purge it there.
            const reader = instances[(index + 1) % instances.length];
            await cached(reader);
            const answer = await add(on);
            assert.equal(answer.body.errors, undefined, JSON.stringify(answer.body.errors));
            posted.push(answer.body.data.addComment.comment.id);
            assert.notEqual((await readPage(reader)).headers.get("x-cache"), "HIT", "a purge on one instance empties the cache every instance reads");
          }
        }
        const scheduledId = encodeGlobalId("Article", scheduled.id);
        for (const live of comments) for (const id of posted) await live.arrival(id);
        for (const live of publications) await live.arrival(scheduledId);

        // A last event through the same channel: a duplicate of an earlier one would have come before it.
        const last = await add(instances[2]);
        assert.equal(last.body.errors, undefined);
        const lastId = last.body.data.addComment.comment.id;
        for (const live of comments) await live.arrival(lastId);
        for (const live of comments) assert.deepEqual([...live.ids].sort(), [...posted, lastId].sort(), "every comment once, on every instance");
        for (const live of publications) assert.deepEqual(live.ids, [scheduledId], "the scheduled article once, on every instance");
        assert.equal(await ds.getRepository(AuditEvent).countBy({ action: "publishScheduled" }), 1, "one instance published it");
        assert.equal((await ds.getRepository(Article).findOneByOrFail({ id: scheduled.id })).status, ArticleStatus.PUBLISHED);

        // RATE_LIMIT comments were allowed across the three instances; the next is refused on any of them.
        for (const on of instances) {
          const refused = await add(on);
          assert.equal(refused.body.errors?.[0].extensions?.code, "RATE_LIMITED");
        }
      },
    );
  });
});
