import assert from "node:assert/strict";
import { once } from "node:events";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import WebSocket from "ws";
import { createDataSource } from "../ormconfig";
import { Comment } from "../src/modules/comment/comment.entity";
import { OutboxMessage } from "../src/outbox/outbox-message.entity";
import { TestDatabase, testDatabaseKinds } from "./helpers/databases";
import { RunningMain, exitCodeOf, startMain } from "./helpers/main-process";

const ADD_COMMENT = `mutation($input: AddCommentInput!) { addComment(input: $input) { comment { id body } } }`;

interface InFlight {
  /** Sends the rest of the body: only then can the server answer. */
  finish(): void;
  /** The status and JSON body, or a rejection when the connection is cut. */
  response: Promise<{ status: number; body: any }>;
}

/**
 * A GraphQL POST whose body goes out in two halves, the second when the
 * test says: a request the server has begun and cannot finish before then.
 * Resolves once the server has the request (its "100 Continue" says so).
 */
async function postInTwoHalves(baseUrl: string, operation: object): Promise<InFlight> {
  const body = Buffer.from(JSON.stringify(operation));
  const half = Math.floor(body.length / 2);
  const outgoing = request(`${baseUrl}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", "content-length": body.length, expect: "100-continue" },
  });
  const response = new Promise<{ status: number; body: any }>((resolve, reject) => {
    outgoing.on("error", reject);
    outgoing.on("response", (incoming) => {
      const chunks: Buffer[] = [];
      incoming.on("data", (chunk: Buffer) => chunks.push(chunk));
      incoming.on("error", reject);
      incoming.on("end", () => resolve({ status: incoming.statusCode!, body: JSON.parse(Buffer.concat(chunks).toString()) }));
    });
  });
  // A cut may come before the test looks: it is the test's to assert, not an unhandled rejection.
  response.catch(() => undefined);
  outgoing.flushHeaders();
  await once(outgoing, "continue");
  outgoing.write(body.subarray(0, half));
  return { finish: () => outgoing.end(body.subarray(half)), response };
}

/** A graphql-ws client with a live subscription to an article's comments; resolves once the server acknowledged it. */
async function subscribedClient(baseUrl: string, articleId: string): Promise<WebSocket> {
  const socket = new WebSocket(`${baseUrl.replace("http", "ws")}/graphql`, "graphql-transport-ws");
  await once(socket, "open");
  socket.send(JSON.stringify({ type: "connection_init" }));
  const [ack] = await once(socket, "message");
  assert.equal(JSON.parse(String(ack)).type, "connection_ack");
  socket.send(JSON.stringify({ id: "1", type: "subscribe", payload: { query: `subscription { commentAdded(articleId: "${articleId}") { id } }` } }));
  return socket;
}

/** Asks /readyz until it stops answering 200 (the signal has been handled) and returns that answer. */
async function readinessAfterSignal(baseUrl: string): Promise<{ status: number; body: unknown }> {
  for (;;) {
    const response = await fetch(`${baseUrl}/readyz`);
    if (response.status !== 200) return { status: response.status, body: await response.json() };
    await sleep(10);
  }
}

async function firstArticleId(baseUrl: string): Promise<string> {
  const response = await fetch(`${baseUrl}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query: "{ articles(first: 1) { nodes { id } } }" }),
  });
  return ((await response.json()) as { data: { articles: { nodes: { id: string }[] } } }).data.articles.nodes[0].id;
}

for (const kind of testDatabaseKinds()) {
  describe(`shutting down on SIGTERM [${kind.name}]`, () => {
    let database: TestDatabase;
    const env = { DEMO_ARTICLES: "3", MAIL_FILE: join(tmpdir(), `broadsheet-shutdown-${process.pid}.log`), SCHEDULER_INTERVAL_MS: "0" };
    before(async () => {
      database = await kind.create();
    });
    after(async () => {
      await database.drop();
    });

    test("reports not ready first, finishes the request in flight and keeps its write, closes WebSockets with 1001, exits 0", async () => {
      const running: RunningMain = await startMain(database.url, { ...env, SHUTDOWN_DRAIN_MS: "3000", SHUTDOWN_GRACE_MS: "60000" });
      const articleId = await firstArticleId(running.baseUrl);
      const socket = await subscribedClient(running.baseUrl, articleId);
      const closed = once(socket, "close");
      const email = `last-words-${kind.name}@example.com`;
      const inFlight = await postInTwoHalves(running.baseUrl, {
        query: ADD_COMMENT,
        variables: { input: { articleId, authorName: "Last", authorEmail: email, body: "Written while shutting down", notify: "NEW_COMMENTS" } },
      });

      running.process.kill("SIGTERM");
      assert.deepEqual(await readinessAfterSignal(running.baseUrl), { status: 503, body: { status: "draining" } });
      const [code, reason] = await closed;
      assert.equal(code, 1001);
      assert.equal(String(reason), "Going away");

      inFlight.finish();
      const answer = await inFlight.response;
      assert.equal(answer.status, 200, JSON.stringify(answer.body));
      assert.equal(answer.body.data.addComment.comment.body, "<p>Written while shutting down</p>");
      assert.equal(await exitCodeOf(running), 0);

      const dataSource = await createDataSource(database.url).initialize();
      try {
        assert.equal(await dataSource.getRepository(Comment).countBy({ authorEmail: email }), 1, "the comment written during shutdown is kept");
        assert.equal(await dataSource.getRepository(OutboxMessage).countBy({ recipient: email }), 1, "so is the mail it queued");
      } finally {
        await dataSource.destroy();
      }
    });

    test("cuts a request that outlives the grace period and still exits 0", async () => {
      const running = await startMain(database.url, { ...env, SHUTDOWN_GRACE_MS: "200" });
      const stalled = await postInTwoHalves(running.baseUrl, { query: "{ articles(first: 1) { totalCount } }" });
      running.process.kill("SIGTERM");
      assert.equal(await exitCodeOf(running), 0);
      await assert.rejects(stalled.response);
    });
  });
}
