import assert from "node:assert/strict";
import { test } from "node:test";
import { createClient } from "graphql-ws";
import WebSocket from "ws";
import { Article } from "../src/modules/article/article.entity";
import { decodeGlobalIdOf, encodeGlobalId } from "../src/shared/global-id";
import { Role } from "../src/modules/user/role";
import { createAuthor, createCategory } from "./factories/content";
import { createUser, signIn } from "./factories/users";
import { describeEachDatabase } from "./helpers/each-database";
import { TestServer } from "./helpers/test-server";

/** The scheduler looks for due articles every few milliseconds; the test moves the due time rather than waiting for it. */
const TICK_MS = 5;

const SUBSCRIPTION = `subscription($section: String) { articlePublished(categorySlug: $section) { id title status category { slug } } }`;

interface Published {
  id: string;
  title: string;
  status: string;
  category: { slug: string };
}

async function listeners(server: TestServer): Promise<number> {
  const text = await (await fetch(`${server.baseUrl}/metrics`)).text();
  return Number(/^pubsub_listeners (\d+)/m.exec(text)?.[1] ?? 0);
}

/** A graphql-ws subscription to articlePublished, live once `ready` resolves; `next(n)` waits for the n-th event. */
async function subscribe(server: TestServer, section: string | null) {
  const client = createClient({ url: server.baseUrl.replace("http", "ws") + "/graphql", webSocketImpl: WebSocket, lazy: false });
  const received: Published[] = [];
  const waiting: { count: number; resolve: () => void }[] = [];
  const before = await listeners(server);
  const stop = client.subscribe<{ articlePublished: Published }>(
    { query: SUBSCRIPTION, variables: { section } },
    {
      next: ({ data, errors }) => {
        assert.equal(errors, undefined, JSON.stringify(errors));
        received.push(data!.articlePublished);
        for (const waiter of waiting.filter((w) => received.length >= w.count)) waiter.resolve();
      },
      error: (error) => assert.fail(JSON.stringify(error)),
      complete: () => {},
    },
  );
  while ((await listeners(server)) === before) await new Promise((resolve) => setImmediate(resolve));
  return {
    received,
    next: (count: number) => (received.length >= count ? Promise.resolve() : new Promise<void>((resolve) => waiting.push({ count, resolve }))),
    close: async () => {
      stop();
      await client.dispose();
    },
  };
}

describeEachDatabase(
  "articlePublished over graphql-ws",
  (server) => {
    test("fires for a manual publication and for a scheduled article the scheduler publishes, filtered by section", async () => {
      const ds = server().dataSource;
      const author = await createAuthor(ds);
      const [news, sport] = [await createCategory(ds, { slug: "live-news" }), await createCategory(ds, { slug: "live-sport" })];
      const editor = await signIn(server(), await createUser(ds, Role.EDITOR, author));
      const draft = async (title: string, section: number) =>
        (
          await server().data(
            `mutation($input: CreateArticleInput!) { createArticle(input: $input) { article { id } } }`,
            {
              input: { title, body: "Words.", categoryId: encodeGlobalId("Category", section) },
            },
            editor,
          )
        ).createArticle.article.id as string;

      const everything = await subscribe(server(), null);
      const newsOnly = await subscribe(server(), "live-news");

      const manual = await draft("Published by hand", news.id);
      await draft("Never published", news.id);
      await server().data(`mutation($id: ID!) { publishArticle(id: $id, version: 1) { article { id } } }`, { id: manual }, editor);
      await everything.next(1);

      const scheduled = await draft("Published by the scheduler", news.id);
      const elsewhere = await draft("Sport on schedule", sport.id);
      for (const id of [scheduled, elsewhere]) {
        await server().data(
          `mutation($id: ID!) { scheduleArticle(id: $id, version: 1, publishAt: "2100-01-01T00:00:00Z") { article { id } } }`,
          { id },
          editor,
        );
      }
      // Their time comes: moved into the past in the database, so no clock decides the test.
      for (const id of [scheduled, elsewhere]) {
        await ds.getRepository(Article).update({ id: decodeGlobalIdOf("Article", id, "id") }, { publishedAt: new Date(Date.now() - 1000) });
      }
      await everything.next(3);
      await newsOnly.next(2);

      assert.deepEqual(everything.received[0], { id: manual, title: "Published by hand", status: "PUBLISHED", category: { slug: "live-news" } });
      assert.deepEqual(
        everything.received
          .slice(1)
          .map((article) => article.id)
          .sort(),
        [scheduled, elsewhere].sort(),
      );
      assert.ok(everything.received.every((article) => article.status === "PUBLISHED"));
      assert.deepEqual(
        newsOnly.received.map((article) => article.id),
        [manual, scheduled],
        "a section's subscribers hear only its articles",
      );
      await everything.close();
      await newsOnly.close();
      assert.equal(everything.received.length, 3, "each publication is announced once");
    });
  },
  { schedulerIntervalMs: TICK_MS },
);
