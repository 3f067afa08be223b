import assert from "node:assert/strict";
import { before, test } from "node:test";
import { createClient } from "graphql-ws";
import WebSocket from "ws";
import { createLogger } from "../src/logger";
import { Article } from "../src/modules/article/article.entity";
import { encodeGlobalId } from "../src/shared/global-id";
import { DeliveryWorker } from "../src/outbox/delivery-worker";
import { createArticle, createAuthor, createCategory } from "./factories/content";
import { describeEachDatabase } from "./helpers/each-database";
import { RecordingTransport, tokenIn } from "./helpers/recording-transport";
import { TestServer } from "./helpers/test-server";

const ADD = `mutation Add($input: AddCommentInput!) { addComment(input: $input) { comment { id status } } }`;
const generous = { limit: 10_000, windowMs: 60_000 };

async function listeners(server: TestServer): Promise<number> {
  const text = await (await fetch(`${server.baseUrl}/metrics`)).text();
  return Number(/^pubsub_listeners (\d+)/m.exec(text)?.[1] ?? 0);
}

describeEachDatabase(
  "live comments and 'Notify of'",
  (server) => {
    let article: Article;
    const transport = new RecordingTransport();
    const articleId = () => encodeGlobalId("Article", article.id);
    const add = async (overrides: Record<string, unknown>) =>
      (await server().data(ADD, { input: { articleId: articleId(), authorName: "Ann", body: "Hello", ...overrides } })).addComment.comment;

    before(async () => {
      const author = await createAuthor(server().dataSource);
      article = await createArticle(server().dataSource, { author, category: await createCategory(server().dataSource) });
    });

    test("streams new approved comments to a graphql-ws client on /graphql", async () => {
      const client = createClient({ url: server().baseUrl.replace("http", "ws") + "/graphql", webSocketImpl: WebSocket, lazy: false });
      const before = await listeners(server());
      const received: { id: string; authorName: string; article: { commentCount: number } }[] = [];
      let resolveFirst: () => void;
      const first = new Promise<void>((resolve) => (resolveFirst = resolve));
      const stop = client.subscribe<{ commentAdded: (typeof received)[number] }>(
        { query: `subscription($id: ID!) { commentAdded(articleId: $id) { id authorName article { commentCount } } }`, variables: { id: articleId() } },
        { next: ({ data }) => (received.push(data!.commentAdded), resolveFirst()), error: (error) => assert.fail(JSON.stringify(error)), complete: () => {} },
      );
      while ((await listeners(server())) === before) await new Promise((resolve) => setImmediate(resolve));

      await add({ authorEmail: "held@example.com", body: "casino casino" });
      const posted = await add({ authorEmail: "live@example.com", authorName: "Live" });
      await first;
      stop();
      await client.dispose();
      assert.deepEqual(
        received.map((comment) => [comment.id, comment.authorName]),
        [[posted.id, "Live"]],
      );
      assert.ok(received[0].article.commentCount >= 1);
    });

    test("confirms by mail, notifies each confirmed subscriber once (never the commenter), and honours unsubscribe", async () => {
      const subscribe = `mutation($id: ID!, $email: String!, $mode: NotifyMode!) { subscribeToComments(articleId: $id, email: $email, mode: $mode) }`;
      await server().data(subscribe, { id: articleId(), email: "Reader@Example.com", mode: "NEW_COMMENTS" });
      await server().data(subscribe, { id: articleId(), email: "unconfirmed@example.com", mode: "NEW_COMMENTS" });
      const worker = new DeliveryWorker(server().dataSource, transport, createLogger("silent"));
      await worker.drain();
      const [confirmation] = transport.to("reader@example.com");
      assert.match(confirmation.subject, /Confirm/);
      const bad = await server().graphql(`mutation { confirmCommentSubscription(token: "1.nope") }`);
      assert.equal(bad.body.errors?.[0].extensions?.code, "BAD_USER_INPUT");
      await server().data(`mutation($t: String!) { confirmCommentSubscription(token: $t) }`, { t: tokenIn(confirmation, "/comments/confirm") });

      // The reader's own comment does not notify them; another reader's does, exactly once, even with a flaky server.
      await add({ authorEmail: "reader@example.com" });
      transport.failNext(1);
      await add({ authorEmail: "someone@example.com", authorName: "Someone" });
      await worker.drain();
      await server().dataSource.query(`UPDATE outbox_message SET next_attempt_at = created_at`);
      await worker.drain();
      await worker.drain();
      const notices = transport.to("reader@example.com").slice(1);
      assert.deepEqual(
        notices.map((mail) => mail.subject),
        [`Someone commented on "${article.title}"`],
      );
      const { url } = (await server().data(`query($id: ID!) { article(id: $id) { url } }`, { id: articleId() })).article;
      assert.ok(notices[0].text.includes(`Read the conversation: ${url}#comments`), "the notice links to the article's canonical URL");
      assert.equal(transport.to("unconfirmed@example.com").length, 1);

      await server().data(`mutation($t: String!) { unsubscribe(token: $t) }`, { t: tokenIn(notices[0], "/comments/unsubscribe") });
      await add({ authorEmail: "third@example.com" });
      await worker.drain();
      assert.equal(transport.to("reader@example.com").length, 2);
    });

    test("loses no mail when the process dies between commit and send: a new worker delivers what was committed", async () => {
      await server().data(`mutation($id: ID!) { subscribeToComments(articleId: $id, email: "late@example.com", mode: NEW_COMMENTS) }`, { id: articleId() });
      // No worker ran: the confirmation sits committed in the outbox, as after a crash. A fresh worker (a restart) sends it.
      const restarted = new RecordingTransport();
      assert.equal(await new DeliveryWorker(server().dataSource, restarted, createLogger("silent")).drain(), 1);
      assert.equal(restarted.to("late@example.com").length, 1);
      assert.equal(await new DeliveryWorker(server().dataSource, restarted, createLogger("silent")).drain(), 0);
    });
  },
  // The server only queues mail: the tests' workers deliver it, when the test says.
  { comments: { settings: { rateLimit: generous, floodLimit: generous }, mail: { deliver: false } } },
);
