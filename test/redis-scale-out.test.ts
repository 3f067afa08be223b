import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { createClient } from "graphql-ws";
import WebSocket from "ws";
import { Article } from "../src/modules/article/article.entity";
import { encodeGlobalId } from "../src/shared/global-id";
import { ServerDeps } from "../src/server";
import { createArticle, createAuthor, createCategory } from "./factories/content";
import { describeEachDatabase } from "./helpers/each-database";
import { REDIS_URL, testRedis } from "./helpers/redis";
import { TestServer } from "./helpers/test-server";

const RATE_LIMIT = 3;
const ADD = `mutation Add($input: AddCommentInput!) { addComment(input: $input) { comment { id } } }`;

const options: Partial<ServerDeps> = {
  comments: {
    redisUrl: REDIS_URL,
    settings: { rateLimit: { limit: RATE_LIMIT, windowMs: 60_000 }, floodLimit: { limit: 1000, windowMs: 60_000 } },
    mail: { deliver: false },
  },
};

/** Rate-limit windows outlive a test run in Redis: each test starts from none. */
async function clearRateLimits(): Promise<void> {
  const redis = testRedis();
  const keys = await redis.keys("broadsheet:rate:*");
  if (keys.length > 0) await redis.del(...keys);
  redis.disconnect();
}

async function listeners(server: TestServer): Promise<number> {
  const text = await (await fetch(`${server.baseUrl}/metrics`)).text();
  return Number(/^pubsub_listeners (\d+)/m.exec(text)?.[1] ?? 0);
}

describeEachDatabase(
  "two instances sharing Redis",
  (server) => {
    let second: TestServer;
    let article: Article;
    const articleId = () => encodeGlobalId("Article", article.id);
    const add = (on: TestServer, authorEmail: string) =>
      on.graphql(ADD, { input: { articleId: articleId(), authorName: "Ann", authorEmail, body: "Hello from one instance" } });

    before(async () => {
      const ds = server().dataSource;
      article = await createArticle(ds, { author: await createAuthor(ds), category: await createCategory(ds) });
      second = await server().sibling({ ...options, schedulerIntervalMs: 0 });
    });

    after(async () => {
      await second.stop();
    });

    // The timeout only stops a hang (an event that never arrives) from holding the suite.
    test("a comment posted on one instance reaches a graphql-ws subscriber on the other", { timeout: 30_000 }, async () => {
      await clearRateLimits();
      const client = createClient({ url: second.baseUrl.replace("http", "ws") + "/graphql", webSocketImpl: WebSocket, lazy: false });
      const before = await listeners(second);
      let received: (value: string) => void;
      const first = new Promise<string>((resolve) => (received = resolve));
      const stop = client.subscribe<{ commentAdded: { id: string } }>(
        { query: `subscription($id: ID!) { commentAdded(articleId: $id) { id } }`, variables: { id: articleId() } },
        { next: ({ data }) => received(data!.commentAdded.id), error: (error) => assert.fail(JSON.stringify(error)), complete: () => {} },
      );
      while ((await listeners(second)) === before) await new Promise((resolve) => setImmediate(resolve));

      const posted = await add(server(), "across@example.com");
      assert.equal(posted.body.errors, undefined);
      assert.equal(await first, posted.body.data.addComment.comment.id);
      stop();
      await client.dispose();
    });

    test("rate limits count attempts on every instance together", async () => {
      await clearRateLimits();
      for (const [index, on] of [server(), second, server()].entries()) {
        const answer = await add(on, `writer${index}@example.com`);
        assert.equal(answer.body.errors, undefined, `attempt ${index + 1} of ${RATE_LIMIT} is allowed`);
      }
      const refused = await add(second, "writer9@example.com");
      assert.equal(refused.body.errors?.[0].extensions?.code, "RATE_LIMITED");
      assert.ok(Number(refused.body.errors?.[0].extensions?.retryAfter) > 0);
    });
  },
  options,
);
