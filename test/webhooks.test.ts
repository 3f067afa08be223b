import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { encodeGlobalId } from "../src/shared/global-id";
import { Role } from "../src/modules/user/role";
import { createAuthor, createCategory } from "./factories/content";
import { createUser, signIn } from "./factories/users";
import { describeEachDatabase } from "./helpers/each-database";
import { RecordingTransport } from "./helpers/recording-transport";
import { CREATE_WEBHOOK, WebhookReceiver, eventually, verified } from "./helpers/webhook-receiver";

const ALL_EVENTS = ["ARTICLE_PUBLISHED", "ARTICLE_UPDATED", "ARTICLE_UNPUBLISHED", "COMMENT_APPROVED", "TAXONOMY_CHANGED"];
const DELIVERIES = `query($id: ID!) { webhookDeliveries(webhookId: $id, first: 100) { totalCount nodes { id event status attempts lastResponseStatus lastResponseExcerpt nextAttemptAt deliveredAt } } }`;

describeEachDatabase(
  "webhooks",
  (server) => {
    let admin: Record<string, string>;
    let editor: Record<string, string>;
    let categoryId: string;
    let receiver: WebhookReceiver;

    before(async () => {
      const ds = server().dataSource;
      const author = await createAuthor(ds);
      admin = await signIn(server(), await createUser(ds, Role.ADMIN, author));
      editor = await signIn(server(), await createUser(ds, Role.EDITOR, author));
      categoryId = encodeGlobalId("Category", (await createCategory(ds)).id);
      receiver = await WebhookReceiver.start();
    });
    after(() => receiver.stop());

    const article = async (title: string) => {
      const { createArticle } = await server().data(
        `mutation($input: CreateArticleInput!) { createArticle(input: $input) { article { id version } } }`,
        { input: { title, body: "A paragraph.", categoryId } },
        admin,
      );
      return createArticle.article as { id: string; version: number };
    };
    const transition = async (name: string, id: string, version: number) =>
      (await server().data(`mutation($id: ID!, $v: Int!) { ${name}(id: $id, version: $v) { article { id version } } }`, { id, v: version }, admin))[name]
        .article as { id: string; version: number };

    test("each event kind arrives once, signed so that the official Standard Webhooks library verifies it", { timeout: 60_000 }, async () => {
      const { createWebhook } = await server().data(CREATE_WEBHOOK, { input: { url: receiver.url, events: ALL_EVENTS } }, admin);
      assert.match(createWebhook.secret, /^whsec_[A-Za-z0-9+/]{43}=$/);
      assert.deepEqual(createWebhook.webhook.events, ALL_EVENTS);

      const draft = await article("Hooked");
      const published = await transition("publishArticle", draft.id, draft.version);
      const updated = await server().data(
        `mutation($input: UpdateArticleInput!) { updateArticle(input: $input) { article { id version } } }`,
        { input: { id: published.id, version: published.version, title: "Hooked, edited" } },
        admin,
      );
      const { addComment } = await server().data(`mutation($input: AddCommentInput!) { addComment(input: $input) { comment { id status } } }`, {
        input: { articleId: published.id, authorName: "Ann", authorEmail: "ann@example.com", body: "Well said." },
      });
      assert.equal(addComment.comment.status, "APPROVED");
      const { createTag } = await server().data(`mutation { createTag(input: { name: "Hooks" }) { tag { id } } }`, {}, admin);
      await transition("unpublishArticle", published.id, updated.updateArticle.article.version);

      await receiver.until(() => receiver.delivered().length >= 5);
      const events = receiver.received.map((request) => verified(createWebhook.secret, request));
      assert.deepEqual(
        events.map((event) => [event.type, event.data.id]),
        [
          ["article.published", published.id],
          ["article.updated", published.id],
          ["comment.approved", addComment.comment.id],
          ["taxonomy.changed", createTag.tag.id],
          ["article.unpublished", published.id],
        ],
      );
      assert.equal(events[1].data.title, "Hooked, edited");
      assert.deepEqual(events[3].data, { kind: "Tag", id: createTag.tag.id, change: "created" });
      assert.equal(new Set(receiver.received.map((request) => request.headers["webhook-id"])).size, 5);
      assert.throws(() => verified("whsec_" + Buffer.alloc(32, 7).toString("base64"), receiver.received[0]), /signature/i);

      // The receiver answered before the sender recorded the answer.
      const settled = async () => {
        const { webhookDeliveries } = await server().data(DELIVERIES, { id: createWebhook.webhook.id }, admin);
        return webhookDeliveries.nodes.every((delivery: { status: string }) => delivery.status !== "PENDING") && webhookDeliveries;
      };
      const webhookDeliveries = await eventually(settled);
      assert.equal(webhookDeliveries.totalCount, 5);
      assert.deepEqual(
        webhookDeliveries.nodes.map((delivery: { event: string; status: string; attempts: number; lastResponseStatus: number }) => [
          delivery.event,
          delivery.status,
          delivery.attempts,
          delivery.lastResponseStatus,
        ]),
        [
          ["ARTICLE_UNPUBLISHED", "SUCCEEDED", 1, 200],
          ["TAXONOMY_CHANGED", "SUCCEEDED", 1, 200],
          ["COMMENT_APPROVED", "SUCCEEDED", 1, 200],
          ["ARTICLE_UPDATED", "SUCCEEDED", 1, 200],
          ["ARTICLE_PUBLISHED", "SUCCEEDED", 1, 200],
        ],
      );
      assert.deepEqual(
        webhookDeliveries.nodes.map((delivery: { id: string }) => delivery.id),
        receiver.received.map((request) => request.headers["webhook-id"]).reverse(),
      );
      await server().data(`mutation($id: ID!) { deleteWebhook(id: $id) }`, { id: createWebhook.webhook.id }, admin);
    });

    test("an endpoint hears only the events it subscribed to; a refused write sends nothing", { timeout: 60_000 }, async () => {
      const { createWebhook } = await server().data(
        CREATE_WEBHOOK,
        { input: { url: receiver.url, events: ["TAXONOMY_CHANGED", "ARTICLE_UNPUBLISHED"] } },
        admin,
      );
      const before = receiver.received.length;
      const draft = await article("Not for this hook");
      const published = await transition("publishArticle", draft.id, draft.version);
      const stale = await server().graphql(`mutation($id: ID!) { unpublishArticle(id: $id, version: 1) { article { id } } }`, { id: published.id }, admin);
      assert.equal(stale.body.errors?.[0].extensions?.code, "CONFLICT");
      // Deliveries go out in the order they were queued: had the refused write queued one, it would arrive first.
      const { createTag } = await server().data(`mutation { createTag(input: { name: "Only this" }) { tag { id } } }`, {}, admin);
      await receiver.until(() => receiver.received.length > before);
      assert.deepEqual(
        receiver.received.slice(before).map((request) => [JSON.parse(request.body).type, JSON.parse(request.body).data.id]),
        [["taxonomy.changed", createTag.tag.id]],
      );
      await server().data(`mutation($id: ID!) { deleteWebhook(id: $id) }`, { id: createWebhook.webhook.id }, admin);
    });

    test("a 500 is retried on the schedule with the same webhook-id and body, each attempt signed", { timeout: 60_000 }, async () => {
      const { createWebhook } = await server().data(CREATE_WEBHOOK, { input: { url: receiver.url, events: ["TAXONOMY_CHANGED"] } }, admin);
      const before = receiver.received.length;
      let failures = 2;
      receiver.answer = () => (failures-- > 0 ? 500 : 200);
      await server().data(`mutation { createTag(input: { name: "Flaky" }) { tag { id } } }`, {}, admin);
      await receiver.until(() => receiver.delivered().length > 0 && receiver.received.length - before >= 3);
      receiver.answer = () => 200;
      const attempts = receiver.received.slice(before);
      assert.deepEqual(
        attempts.map((request) => request.status),
        [500, 500, 200],
      );
      assert.equal(new Set(attempts.map((request) => request.headers["webhook-id"])).size, 1);
      assert.equal(new Set(attempts.map((request) => request.body)).size, 1);
      for (const request of attempts) verified(createWebhook.secret, request);

      const [delivery] = await eventually(async () => {
        const { webhookDeliveries } = await server().data(DELIVERIES, { id: createWebhook.webhook.id }, admin);
        return webhookDeliveries.nodes[0].status !== "PENDING" && webhookDeliveries.nodes;
      });
      assert.deepEqual([delivery.status, delivery.attempts, delivery.lastResponseStatus, delivery.nextAttemptAt], ["SUCCEEDED", 3, 200, null]);
      assert.equal(delivery.id, attempts[0].headers["webhook-id"]);
      await server().data(`mutation($id: ID!) { deleteWebhook(id: $id) }`, { id: createWebhook.webhook.id }, admin);
    });

    test("only admins manage webhooks, and the secret is in createWebhook's answer only", async () => {
      const refused = await server().graphql(CREATE_WEBHOOK, { input: { url: receiver.url, events: ["ARTICLE_PUBLISHED"] } }, editor);
      assert.equal(refused.body.errors?.[0].extensions?.code, "FORBIDDEN");
      const anonymous = await server().graphql(`{ webhooks { nodes { id } } }`);
      assert.equal(anonymous.body.errors?.[0].extensions?.code, "UNAUTHENTICATED");
      const { createWebhook } = await server().data(CREATE_WEBHOOK, { input: { url: receiver.url, events: ["ARTICLE_PUBLISHED"] } }, admin);
      for (const operation of [
        `{ webhooks { nodes { id } } }`,
        `query($id: ID!) { webhookDeliveries(webhookId: $id) { nodes { id } } }`,
        `mutation($id: ID!) { deleteWebhook(id: $id) }`,
        `mutation($id: ID!) { updateWebhook(input: { id: $id, enabled: false }) { id } }`,
      ]) {
        const response = await server().graphql(operation, { id: createWebhook.webhook.id }, editor);
        assert.equal(response.body.errors?.[0].extensions?.code, "FORBIDDEN", operation);
      }
      const secretField = await server().graphql(`{ webhooks { nodes { id secret } } }`, {}, admin);
      assert.equal(secretField.body.errors?.[0].extensions?.code, "GRAPHQL_VALIDATION_FAILED");
      const listed = JSON.stringify(await server().data(`{ webhooks(first: 100) { nodes { id url events enabled createdAt updatedAt } } }`, {}, admin));
      assert.ok(listed.includes(createWebhook.webhook.id) && !listed.includes(createWebhook.secret.slice(6)));
      const tooMany = await server().graphql(`{ webhooks(first: 101) { nodes { id } } }`, {}, admin);
      assert.equal(tooMany.body.errors?.[0].extensions?.code, "BAD_USER_INPUT");
      await server().data(`mutation($id: ID!) { deleteWebhook(id: $id) }`, { id: createWebhook.webhook.id }, admin);
      const gone = await server().graphql(DELIVERIES, { id: createWebhook.webhook.id }, admin);
      assert.equal(gone.body.errors?.[0].extensions?.code, "NOT_FOUND");
    });

    test("pages webhooks forwards with keyset cursors", async () => {
      const ids: string[] = [];
      for (let i = 0; i < 5; i++)
        ids.push(
          (await server().data(CREATE_WEBHOOK, { input: { url: `${receiver.url}/${i}`, events: ["ARTICLE_UPDATED"] } }, admin)).createWebhook.webhook.id,
        );
      const seen: string[] = [];
      let after: string | null = null;
      for (;;) {
        const { webhooks }: { webhooks: { nodes: { id: string }[]; pageInfo: { hasNextPage: boolean; endCursor: string } } } = await server().data(
          `query($after: String) { webhooks(first: 2, after: $after) { nodes { id } pageInfo { hasNextPage endCursor } } }`,
          { after },
          admin,
        );
        seen.push(...webhooks.nodes.map((node) => node.id));
        if (!webhooks.pageInfo.hasNextPage) break;
        after = webhooks.pageInfo.endCursor;
      }
      assert.deepEqual(seen.slice(-5), ids);
      const bad = await server().graphql(`{ webhooks(after: "garbage") { nodes { id } } }`, {}, admin);
      assert.equal(bad.body.errors?.[0].extensions?.code, "BAD_USER_INPUT");
      for (const id of ids) await server().data(`mutation($id: ID!) { deleteWebhook(id: $id) }`, { id }, admin);
    });
  },
  () => ({
    webhooks: { allowPrivate: true, retryDelaysMs: [20, 20, 20] },
    comments: { transport: new RecordingTransport(), mail: { pollMs: 10 } },
  }),
);
