import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { signWebhook } from "../src/modules/webhook/delivery/signature";
import { Webhook } from "../src/modules/webhook/webhook.entity";
import { Role } from "../src/modules/user/role";
import { User } from "../src/modules/user/user.entity";
import { createAuthor } from "./factories/content";
import { createUser, signIn } from "./factories/users";
import { testDatabaseKinds } from "./helpers/databases";
import { describeEachDatabase } from "./helpers/each-database";
import { RecordingTransport } from "./helpers/recording-transport";
import { TestServer } from "./helpers/test-server";
import { CREATE_WEBHOOK, WebhookReceiver, eventually, verified } from "./helpers/webhook-receiver";

const DELIVERIES = `query($id: ID!) { webhookDeliveries(webhookId: $id, first: 100) { nodes { id event status attempts lastResponseStatus lastResponseExcerpt lastError } } }`;
const CREATE_TAG = `mutation($name: String!) { createTag(input: { name: $name }) { tag { id } } }`;

interface Delivery {
  id: string;
  status: string;
  attempts: number;
  lastResponseStatus: number | null;
  lastResponseExcerpt: string | null;
  lastError: string | null;
}

test("signatures reproduce the Standard Webhooks specification's published test vector", () => {
  assert.equal(
    signWebhook("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, '{"test": 2432232314}'),
    "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
  );
});

const transport = new RecordingTransport();

describeEachDatabase(
  "webhook endpoints that keep failing",
  (server) => {
    let owner: User;
    let admin: Record<string, string>;
    let receiver: WebhookReceiver;

    before(async () => {
      owner = await createUser(server().dataSource, Role.ADMIN, await createAuthor(server().dataSource));
      admin = await signIn(server(), owner);
      receiver = await WebhookReceiver.start();
    });
    after(() => receiver.stop());

    test(
      "are disabled once they failed for the configured time, their admin is told by mail, and enabling them resumes delivery",
      { timeout: 60_000 },
      async () => {
        receiver.answer = () => 500;
        const { createWebhook } = await server().data(CREATE_WEBHOOK, { input: { url: receiver.url, events: ["TAXONOMY_CHANGED"] } }, admin);
        const id = createWebhook.webhook.id;
        await server().data(CREATE_TAG, { name: "Doomed one" }, admin);
        await server().data(CREATE_TAG, { name: "Doomed two" }, admin);
        const [mail] = await eventually(async () => transport.to(owner.email).length > 0 && transport.to(owner.email));
        assert.equal(mail.subject, `Webhook disabled: ${receiver.url}`);
        assert.match(mail.text, /updateWebhook/);

        const { webhooks } = await server().data(`{ webhooks { nodes { id enabled disabledAt failingSince } } }`, {}, admin);
        const [state] = webhooks.nodes.filter((webhook: { id: string }) => webhook.id === id);
        assert.equal(state.enabled, false);
        assert.ok(state.disabledAt && state.failingSince);
        const deliveries: Delivery[] = await eventually(async () => {
          const { webhookDeliveries } = await server().data(DELIVERIES, { id }, admin);
          return webhookDeliveries.nodes.every((delivery: Delivery) => delivery.status !== "PENDING") && webhookDeliveries.nodes;
        });
        assert.equal(deliveries.length, 2);
        for (const delivery of deliveries) {
          assert.ok(["FAILED", "SKIPPED"].includes(delivery.status), delivery.status);
          if (delivery.status === "FAILED") {
            assert.equal(delivery.lastResponseStatus, 500);
            assert.equal(delivery.lastResponseExcerpt!.length, 200, "the answer's body is kept as a short excerpt only");
          }
        }
        const sent = receiver.received.length;
        await server().data(CREATE_TAG, { name: "Unheard" }, admin);
        assert.equal((await server().data(DELIVERIES, { id }, admin)).webhookDeliveries.nodes.length, 2, "a disabled endpoint gets no deliveries");

        receiver.answer = () => 200;
        const { updateWebhook } = await server().data(
          `mutation($id: ID!) { updateWebhook(input: { id: $id, enabled: true }) { enabled failingSince } }`,
          { id },
          admin,
        );
        assert.deepEqual(updateWebhook, { enabled: true, failingSince: null });
        const { createTag } = await server().data(CREATE_TAG, { name: "Heard again" }, admin);
        await receiver.until(() => receiver.delivered().length > 0);
        assert.equal(receiver.received.length, sent + 1);
        assert.equal(verified(createWebhook.secret, receiver.received[sent]).data.id, createTag.tag.id);
        assert.equal(transport.to(owner.email).length, 1);
      },
    );
  },
  () => ({
    webhooks: { allowPrivate: true, retryDelaysMs: [20, 20, 20, 20], disableAfterMs: 50 },
    comments: { transport, mail: { pollMs: 10 } },
  }),
);

for (const kind of testDatabaseKinds()) {
  describe(`webhook deliveries across a restart [${kind.name}]`, () => {
    test(
      "what one server queued and could not deliver, the next server on the database delivers, under the same webhook-ids",
      { timeout: 60_000 },
      async () => {
        const database = await kind.create();
        const receiver = await WebhookReceiver.start();
        // Retries a second apart: the first server cannot run through them all (and give up) while it stops on a busy machine.
        const options = { webhooks: { allowPrivate: true, retryDelaysMs: Array<number>(9).fill(1000) }, comments: { mail: { pollMs: 10 } } };
        // The first server leaves the database to the second, which drops it.
        const first = await TestServer.on(kind.name, { url: database.url, drop: async () => undefined }, options);
        let second: TestServer | undefined;
        try {
          const admin = await signIn(first, await createUser(first.dataSource, Role.ADMIN));
          receiver.answer = () => 503;
          const { createWebhook } = await first.data(CREATE_WEBHOOK, { input: { url: receiver.url, events: ["TAXONOMY_CHANGED"] } }, admin);
          const tags = [];
          for (const name of ["Before restart 1", "Before restart 2", "Before restart 3"])
            tags.push((await first.data(CREATE_TAG, { name }, admin)).createTag.tag.id);
          await receiver.until(() => receiver.received.length >= 3);
          await first.stop();
          const failedIds = new Set(receiver.received.map((request) => request.headers["webhook-id"]));

          receiver.answer = () => 200;
          second = await TestServer.on(kind.name, database, options);
          await receiver.until(() => receiver.delivered().length >= 3);
          const delivered = receiver.received.filter((request) => request.status === 200).map((request) => verified(createWebhook.secret, request));
          assert.deepEqual(delivered.map((event) => event.data.id).sort(), [...tags].sort());
          const deliveredIds = receiver.delivered().map((event) => event.id);
          assert.equal(new Set(deliveredIds).size, 3);
          for (const id of failedIds) assert.ok(deliveredIds.includes(String(id)), "a retry keeps the webhook-id of the failed attempt");
        } finally {
          await receiver.stop();
          if (second) await second.stop();
          else await database.drop();
        }
      },
    );
  });
}

describeEachDatabase(
  "webhook URL restrictions (WEBHOOK_ALLOW_PRIVATE off)",
  (server) => {
    let admin: Record<string, string>;
    before(async () => {
      admin = await signIn(server(), await createUser(server().dataSource, Role.ADMIN));
    });

    const refused = [
      "http://127.0.0.1/hook",
      "http://127.1/hook",
      "http://2130706433/hook",
      "http://localhost:8080/hook",
      "http://api.localhost/hook",
      "http://10.1.2.3/hook",
      "http://172.16.5.4/hook",
      "http://192.168.1.1/hook",
      "http://169.254.169.254/latest/meta-data/",
      "http://100.64.0.1/hook",
      "http://0.0.0.0/hook",
      "http://[::1]/hook",
      "http://[::]/hook",
      "http://[fd00::1]/hook",
      "http://[fe80::1]/hook",
      "http://[::ffff:10.0.0.1]/hook",
      "http://[::ffff:127.0.0.1]/hook",
      "ftp://example.com/hook",
      "file:///etc/passwd",
      "javascript:alert(1)",
      "not a url",
      "https://user:secret@example.com/hook",
    ];

    test("refuses non-http(s), credentialed, loopback, link-local, private and metadata URLs before any connection, with BAD_USER_INPUT", async () => {
      for (const url of refused) {
        const response = await server().graphql(CREATE_WEBHOOK, { input: { url, events: ["ARTICLE_PUBLISHED"] } }, admin);
        assert.equal(response.body.errors?.[0].extensions?.code, "BAD_USER_INPUT", url);
        assert.equal(response.body.errors?.[0].extensions?.field, "input.url", url);
      }
      assert.equal((await server().data(`{ webhooks { totalCount } }`, {}, admin)).webhooks.totalCount, 0);
    });

    test("accepts a public address, and refuses an update to a private one", async () => {
      // Saving resolves nothing and connects nowhere: no traffic leaves the machine.
      const { createWebhook } = await server().data(CREATE_WEBHOOK, { input: { url: "https://93.184.215.14/hook", events: ["ARTICLE_PUBLISHED"] } }, admin);
      const update = await server().graphql(
        `mutation($id: ID!) { updateWebhook(input: { id: $id, url: "http://192.168.0.10/" }) { url } }`,
        { id: createWebhook.webhook.id },
        admin,
      );
      assert.equal(update.body.errors?.[0].extensions?.code, "BAD_USER_INPUT");
      await server().data(`mutation($id: ID!) { deleteWebhook(id: $id) }`, { id: createWebhook.webhook.id }, admin);
    });

    test(
      "checks the address again at delivery: an endpoint saved while private ones were allowed is refused without a connection",
      { timeout: 60_000 },
      async () => {
        const receiver = await WebhookReceiver.start();
        try {
          const now = new Date();
          const url = receiver.url;
          const secret = "whsec_" + Buffer.alloc(32, 1).toString("base64");
          await server().dataSource.getRepository(Webhook).insert({ url, events: "taxonomy.changed", secret, createdAt: now, updatedAt: now });
          const { webhooks } = await server().data(`{ webhooks { nodes { id url } } }`, {}, admin);
          const id = webhooks.nodes.find((webhook: { url: string }) => webhook.url === url).id;
          await server().data(CREATE_TAG, { name: "Not for loopback" }, admin);
          const [delivery]: Delivery[] = await eventually(async () => {
            const { webhookDeliveries } = await server().data(DELIVERIES, { id }, admin);
            return webhookDeliveries.nodes[0]?.attempts > 0 && webhookDeliveries.nodes;
          });
          assert.equal(delivery.status, "PENDING");
          assert.equal(delivery.lastResponseStatus, null);
          assert.match(delivery.lastError!, /may not reach/);
          assert.equal(receiver.received.length, 0);
        } finally {
          await receiver.stop();
        }
      },
    );
  },
  { webhooks: { allowPrivate: false } },
);
