import assert from "node:assert/strict";
import { before, test } from "node:test";
import { createArticle, createAuthor, createCategory } from "./factories/content";
import { testDatabaseKinds } from "./helpers/databases";
import { describeEachDatabase } from "./helpers/each-database";
import { TestServer } from "./helpers/test-server";

/** The value of one sample of a Prometheus text exposition, 0 when absent. */
function sample(metrics: string, name: string, labels: Record<string, string> = {}): number {
  const wanted = Object.entries(labels).map(([key, value]) => `${key}="${value}"`);
  for (const line of metrics.split("\n")) {
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const present = (match[2] ?? "").split(",").filter(Boolean);
    if (wanted.every((label) => present.includes(label))) return Number(match[3]);
  }
  return 0;
}

describeEachDatabase("operating the server", (server) => {
  const get = (path: string, headers: Record<string, string> = {}) => fetch(`${server().baseUrl}${path}`, { headers });
  const metrics = async () => (await get("/metrics")).text();

  before(async () => {
    const ds = server().dataSource;
    await createArticle(ds, { author: await createAuthor(ds, { slug: "op" }), category: await createCategory(ds) });
  });

  test("answers /healthz with 200", async () => {
    const response = await get("/healthz");
    assert.equal(response.status, 200);
    assert.deepEqual(await response.json(), { status: "ok" });
  });

  test("answers /readyz with 200 while the database is up", async () => {
    const response = await get("/readyz");
    assert.equal(response.status, 200);
    assert.deepEqual(await response.json(), { status: "ready" });
  });

  test("reports not ready (503) when the database is gone, while staying alive", async () => {
    const kind = testDatabaseKinds().find((candidate) => candidate.name === server().kind)!;
    const broken = await TestServer.start(kind);
    try {
      assert.equal((await fetch(`${broken.baseUrl}/readyz`)).status, 200);
      await broken.dataSource.destroy();
      const ready = await fetch(`${broken.baseUrl}/readyz`);
      assert.equal(ready.status, 503);
      assert.deepEqual(await ready.json(), { status: "database unavailable" });
      const alive = await fetch(`${broken.baseUrl}/healthz`);
      assert.equal(alive.status, 200);
      assert.deepEqual(await alive.json(), { status: "ok" });
    } finally {
      await broken.stop();
    }
    // The server under test is untouched.
    assert.equal((await get("/readyz")).status, 200);
  });

  test("serves Prometheus metrics: SQL statements, operations by name and their durations", async () => {
    const operation = `FrontPage_${server().kind}`;
    const response = await get("/metrics");
    assert.equal(response.status, 200);
    assert.match(response.headers.get("content-type") ?? "", /^text\/plain/);
    const beforeText = await response.text();
    assert.match(beforeText, /^# TYPE db_queries_total counter$/m);
    assert.match(beforeText, /^# TYPE graphql_requests_total counter$/m);
    assert.match(beforeText, /^# TYPE graphql_request_duration_seconds histogram$/m);

    await server().data(`query ${operation} { articles(first: 1) { totalCount nodes { title } } }`);
    await server().data(`query ${operation} { articles(first: 1) { totalCount } }`);
    await server().graphql(`query ${operation} { articles(first: 101) { totalCount } }`);
    const afterText = await metrics();

    assert.ok(sample(afterText, "db_queries_total") > sample(beforeText, "db_queries_total"), "SQL statements are counted");
    const requests = (text: string, outcome: string) => sample(text, "graphql_requests_total", { operation, outcome });
    assert.equal(requests(afterText, "ok") - requests(beforeText, "ok"), 2);
    assert.equal(requests(afterText, "error") - requests(beforeText, "error"), 1);
    const timed = (text: string) => sample(text, "graphql_request_duration_seconds_count", { operation });
    assert.equal(timed(afterText) - timed(beforeText), 3);
    assert.match(afterText, new RegExp(`^graphql_request_duration_seconds_bucket\\{.*operation="${operation}".*\\} \\d+$`, "m"));
  });

  test("labels unnamed operations as anonymous", async () => {
    const anonymous = (text: string) => sample(text, "graphql_requests_total", { operation: "anonymous", outcome: "ok" });
    const before = anonymous(await metrics());
    await server().data(`{ __typename }`);
    assert.equal(anonymous(await metrics()) - before, 1);
  });

  test("answers GET /graphql once the client shows it is not a cross-site form", async () => {
    const url = `/graphql?query=${encodeURIComponent("{ __typename }")}`;
    const blocked = await get(url);
    assert.equal(blocked.status, 400);
    const refusal = (await blocked.json()) as { errors: { message: string; extensions: { code: string } }[] };
    assert.equal(refusal.errors[0].extensions.code, "BAD_REQUEST");
    assert.match(refusal.errors[0].message, /CSRF/);

    for (const headers of [{ "apollo-require-preflight": "true" }, { "content-type": "application/json" }] as Record<string, string>[]) {
      const response = await get(url, headers);
      assert.equal(response.status, 200, JSON.stringify(headers));
      assert.deepEqual(((await response.json()) as { data: unknown }).data, { __typename: "Query" });
    }

    const query = "query Byline($slug: String!) { author(slug: $slug) { slug } }";
    const withVariables = await get(
      `/graphql?query=${encodeURIComponent(query)}&operationName=Byline&variables=${encodeURIComponent(JSON.stringify({ slug: "op" }))}`,
      { "apollo-require-preflight": "true" },
    );
    assert.equal(withVariables.status, 200);
    assert.deepEqual(((await withVariables.json()) as { data: unknown }).data, { author: { slug: "op" } });
  });

  test("shows a browser the HTML landing page at /graphql", async () => {
    const response = await get("/graphql", {
      accept: "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
      "user-agent": "Mozilla/5.0 (X11; Linux x86_64) Gecko/20100101 Firefox/128.0",
    });
    assert.equal(response.status, 200);
    assert.match(response.headers.get("content-type") ?? "", /^text\/html/);
    const html = await response.text();
    assert.match(html, /^\s*<!DOCTYPE html>/i);
    assert.match(html, /<\/html>\s*$/i);
  });

  test("answers in application/graphql-response+json when the client accepts it", async () => {
    const answer = await server().graphql(`{ __typename }`, undefined, { accept: "application/graphql-response+json" });
    assert.equal(answer.status, 200);
    assert.match(answer.headers.get("content-type") ?? "", /^application\/graphql-response\+json/);
    assert.deepEqual(answer.body.data, { __typename: "Query" });

    const invalid = await server().graphql(`{ nope }`, undefined, { accept: "application/graphql-response+json" });
    assert.equal(invalid.status, 400);
    assert.match(invalid.headers.get("content-type") ?? "", /^application\/graphql-response\+json/);
    assert.equal(invalid.body.errors?.[0].extensions?.code, "GRAPHQL_VALIDATION_FAILED");

    const plain = await server().graphql(`{ __typename }`);
    assert.match(plain.headers.get("content-type") ?? "", /^application\/json/);
  });

  test("tags every response with a request id, keeping a well-formed one the client sent", async () => {
    const generated = await get("/healthz");
    assert.match(generated.headers.get("x-request-id") ?? "", /^[A-Za-z0-9._-]{1,64}$/);
    const second = await get("/healthz");
    assert.notEqual(second.headers.get("x-request-id"), generated.headers.get("x-request-id"));

    const kept = await server().graphql(`{ __typename }`, undefined, { "x-request-id": "edge-7f3a.1" });
    assert.equal(kept.headers.get("x-request-id"), "edge-7f3a.1");

    for (const forged of ["has spaces in it", "x".repeat(65), "new\tline"]) {
      const replaced = await get("/healthz", { "x-request-id": forged });
      const id = replaced.headers.get("x-request-id") ?? "";
      assert.notEqual(id, forged);
      assert.match(id, /^[A-Za-z0-9._-]{1,64}$/);
    }
  });
});
