import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { Article } from "../src/modules/article/article.entity";
import { encodeGlobalId } from "../src/shared/global-id";
import { Role } from "../src/modules/user/role";
import { createArticle, createAuthor, createCategory } from "./factories/content";
import { createUser, signIn } from "./factories/users";
import { TestReplica, metricSum, replicasTakeReads, withReplica } from "./helpers/replica";
import { TcpProxy } from "./helpers/tcp-proxy";
import { TestServer } from "./helpers/test-server";

const PAGE = `query Page($id: ID!) { article(id: $id) { id title author { name } category { name } comments(first: 20) { edges { node { id body } } } } }`;
const ADD = `mutation Add($input: AddCommentInput!) { addComment(input: $input) { comment { id } } }`;
const LOADERS = 4;
const REQUESTS_PER_LOADER = 40;

withReplica("read replicas", (replica: TestReplica) => {
  describe("read replicas [postgres + streaming replica]", () => {
    let server: TestServer;
    let article: Article;
    const articleId = () => encodeGlobalId("Article", article.id);
    const replicaStatements = () => metricSum(server, "db_replica_queries_total");

    before(async () => {
      const database = await replica.primary.create();
      server = await TestServer.on("postgres", database, {
        replicas: { urls: [replica.urlOf(database)], maxLagMs: 5000, checkIntervalMs: 100 },
        comments: { settings: { rateLimit: { limit: 1000, windowMs: 60_000 } }, mail: { deliver: false } },
      });
      const ds = server.dataSource;
      article = await createArticle(ds, { author: await createAuthor(ds), category: await createCategory(ds) });
    });

    after(async () => {
      await replica.start();
      await server?.stop();
    });

    test("sends an anonymous reader's page to the replica", { timeout: 60_000 }, async () => {
      await replicasTakeReads(server);
      const [replicaBefore, allBefore] = [await replicaStatements(), await server.queriesSent()];
      const { article: page } = await server.data(PAGE, { id: articleId() });
      assert.equal(page.id, articleId());
      const onReplica = (await replicaStatements()) - replicaBefore;
      assert.ok(onReplica > 0, "the page was read on the replica");
      assert.ok((await server.queriesSent()) - allBefore >= onReplica, "db_queries_total counts the replica's statements too");
    });

    test("reads a signed-in editor's page on the primary", { timeout: 60_000 }, async () => {
      const headers = await signIn(server, await createUser(server.dataSource, Role.EDITOR));
      await replicasTakeReads(server);
      const before = await replicaStatements();
      const answer = await server.graphql(PAGE, { id: articleId() }, headers);
      assert.equal(answer.body.errors, undefined);
      assert.equal((await replicaStatements()) - before, 0);
    });

    test("shows a writer its own comment at once, reading it from the primary", { timeout: 60_000 }, async () => {
      await replicasTakeReads(server);
      const posted = await server.graphql(ADD, { input: { articleId: articleId(), authorName: "Ann", authorEmail: "ann@example.com", body: "Seen at once" } });
      assert.equal(posted.body.errors, undefined);
      const cookie = posted.headers.get("set-cookie")?.split(";")[0];
      assert.ok(cookie, "the mutation opened the writer's recent-write window");
      const before = await replicaStatements();
      const { article: page } = await server.data(PAGE, { id: articleId() }, { cookie });
      const ids = page.comments.edges.map((edge: { node: { id: string } }) => edge.node.id);
      assert.ok(ids.includes(posted.body.data.addComment.comment.id));
      assert.equal((await replicaStatements()) - before, 0, "the writer's read went to the primary");
    });

    test("loses no request when the replica stops mid-load, and reads go back to it once it is started", { timeout: 120_000 }, async () => {
      await replicasTakeReads(server);
      const failures: string[] = [];
      let answered = 0;
      const loader = async () => {
        for (let index = 0; index < REQUESTS_PER_LOADER; index++) {
          const answer = await server.graphql(PAGE, { id: articleId() });
          if (answer.status !== 200 || answer.body.errors) failures.push(JSON.stringify(answer.body.errors ?? answer.status));
          answered++;
        }
      };
      const load = Promise.all(Array.from({ length: LOADERS }, loader));
      // The replica stops while the loaders are under way.
      while (answered < REQUESTS_PER_LOADER) await new Promise((resolve) => setTimeout(resolve, 5));
      await replica.stop();
      await load;
      assert.deepEqual(failures, []);
      assert.equal(answered, LOADERS * REQUESTS_PER_LOADER);

      const health = (await (await fetch(`${server.baseUrl}/healthz`)).json()) as { degraded?: string[] };
      assert.ok(
        health.degraded?.some((part) => part.startsWith("replica:")),
        JSON.stringify(health),
      );
      assert.equal((await fetch(`${server.baseUrl}/readyz`)).status, 200);
      assert.equal(await metricSum(server, "db_replica_up"), 0);
      const whileDown = await replicaStatements();
      await server.data(PAGE, { id: articleId() });
      assert.equal((await replicaStatements()) - whileDown, 0, "the stopped replica is skipped");

      await replica.start();
      await replicasTakeReads(server);
      const back = await replicaStatements();
      await server.data(PAGE, { id: articleId() });
      assert.ok((await replicaStatements()) - back > 0, "reads land on the replica again");
    });
  });

  describe("a replica that goes silent [postgres + streaming replica, through a TCP proxy the test stalls]", () => {
    let proxy: TcpProxy;
    let server: TestServer;
    let article: Article;

    before(async () => {
      const database = await replica.primary.create();
      const replicaUrl = new URL(replica.urlOf(database));
      proxy = await TcpProxy.start(replicaUrl.hostname, Number(replicaUrl.port));
      server = await TestServer.on("postgres", database, {
        replicas: { urls: [proxy.through(replicaUrl.toString())], maxLagMs: 5000, checkIntervalMs: 100 },
        timeouts: { executionMs: 1000, databaseConnectMs: 500 },
      });
      const ds = server.dataSource;
      article = await createArticle(ds, { author: await createAuthor(ds), category: await createCategory(ds) });
    });

    after(async () => {
      proxy.restore();
      await server?.stop();
      await proxy?.close();
    });

    test("answers instead of hanging when the replica goes silent, then reads from the primary", { timeout: 30_000 }, async () => {
      const id = encodeGlobalId("Article", article.id);
      await replicasTakeReads(server);
      const before = await metricSum(server, "db_replica_queries_total");
      assert.equal((await server.data(PAGE, { id })).article.title, article.title);
      assert.ok((await metricSum(server, "db_replica_queries_total")) > before, "the page was read on the replica");

      proxy.stall();
      // No answer comes: past statement_timeout and the network margin the statement fails (the request's own
      // budget may run out first), the connection is dropped, and the health check, which times out alike, marks the replica down.
      const overdue = await server.graphql(PAGE, { id });
      assert.ok(
        overdue.body.errors?.every((error) => ["EXECUTION_TIMEOUT", "DATABASE_UNAVAILABLE"].includes(String(error.extensions?.code))),
        JSON.stringify(overdue.body),
      );
      for (;;) {
        const health = (await (await fetch(`${server.baseUrl}/healthz`)).json()) as { degraded?: string[] };
        if (health.degraded?.some((part) => part.startsWith("replica:"))) break;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      const answer = await server.graphql(PAGE, { id });
      assert.equal(answer.body.errors, undefined, JSON.stringify(answer.body));
      assert.equal(answer.body.data.article.title, article.title);
    });
  });
});
