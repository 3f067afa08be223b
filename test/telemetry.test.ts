import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import { before, test } from "node:test";
import { SpanKind, SpanStatusCode } from "@opentelemetry/api";
import { InMemorySpanExporter, ReadableSpan, SimpleSpanProcessor } from "@opentelemetry/sdk-trace-node";
import { createLogger } from "../src/logger";
import { ServerDeps } from "../src/server";
import { DEFAULT_TRACING } from "../src/config";
import { Tracing, startTracing } from "../src/telemetry";
import { statementShape } from "../src/telemetry/statement-spans";
import { createArticle, createAuthor, createCategory, createComment } from "./factories/content";
import { describeEachDatabase } from "./helpers/each-database";
import { startMain, stopWith } from "./helpers/main-process";

const exporter = new InMemorySpanExporter();
let tracing: Tracing;
before(async () => {
  tracing = await startTracing(DEFAULT_TRACING, [new SimpleSpanProcessor(exporter)]);
});

/** Every JSON line the servers log (at trace level, so each SQL statement logs one). */
const logLines: Record<string, unknown>[] = [];
const lines = new Writable({
  write(chunk: Buffer, _encoding, done) {
    for (const line of chunk.toString().split("\n").filter(Boolean)) logLines.push(JSON.parse(line));
    done();
  },
});

/** No scheduler tick nor outbox poll sends SQL between a request and the reading of its statements. */
const traced = (): Partial<ServerDeps> => ({
  tracing,
  logger: createLogger("trace", { fields: tracing.logFields, destination: lines }),
  schedulerIntervalMs: 0,
  comments: { mail: { pollMs: 0 } },
});

const SECRET_SLUG = "the-slug-no-trace-may-show";

const ARTICLE_PAGE = `
  query ArticlePage($slug: String!) {
    article(slug: $slug) {
      title
      author { name articles(first: 3) { nodes { title } } }
      comments(first: 5) { nodes { body } }
    }
  }`;

/** A W3C traceparent naming a new trace, so the test finds its spans among everyone's. */
function newTraceparent(): { header: string; traceId: string; parentSpanId: string } {
  const traceId = randomBytes(16).toString("hex");
  const parentSpanId = randomBytes(8).toString("hex");
  return { header: `00-${traceId}-${parentSpanId}-01`, traceId, parentSpanId };
}

/** The trace's spans once its request span has ended (the server ends it when the response has gone, just after the client has read it). */
async function spansOf(traceId: string): Promise<ReadableSpan[]> {
  for (;;) {
    const spans = exporter.getFinishedSpans().filter((span) => span.spanContext().traceId === traceId);
    if (spans.some((span) => span.kind === SpanKind.SERVER)) return spans;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

function childrenOf(spans: ReadableSpan[], parent: ReadableSpan): ReadableSpan[] {
  return spans.filter((span) => span.parentSpanContext?.spanId === parent.spanContext().spanId);
}

function only(spans: ReadableSpan[], what: string): ReadableSpan {
  assert.equal(spans.length, 1, `one ${what} span, got ${spans.map((span) => span.name).join(", ")}`);
  return spans[0];
}

describeEachDatabase(
  "tracing",
  (server) => {
    before(async () => {
      const ds = server().dataSource;
      const author = await createAuthor(ds, { name: "Ada Reporter" });
      const category = await createCategory(ds);
      const article = await createArticle(ds, { author, category, slug: SECRET_SLUG });
      await createArticle(ds, { author, category });
      await createComment(ds, { article, body: "First!" });
    });

    test("a GraphQL request is one trace: the request, its named and costed operation, and every statement under it", async () => {
      const { header, traceId, parentSpanId } = newTraceparent();
      const before = await server().queriesSent();
      const answer = await server().graphql(ARTICLE_PAGE, { slug: SECRET_SLUG }, { traceparent: header });
      const statementsSent = (await server().queriesSent()) - before;
      assert.equal(answer.body.errors, undefined);
      assert.equal(answer.body.data.article.author.name, "Ada Reporter");

      const spans = await spansOf(traceId);
      const request = only(
        spans.filter((span) => span.kind === SpanKind.SERVER),
        "request",
      );
      assert.equal(request.name, "POST /graphql");
      assert.equal(request.parentSpanContext?.spanId, parentSpanId, "continues the caller's trace");
      assert.equal(request.attributes["http.response.status_code"], 200);

      const operation = only(childrenOf(spans, request), "operation");
      assert.equal(operation.name, "query ArticlePage");
      assert.equal(operation.attributes["graphql.operation.name"], "ArticlePage");
      assert.equal(operation.attributes["graphql.operation.type"], "query");
      assert.equal(operation.attributes["broadsheet.graphql.cost"], (answer.body.extensions?.cost as { requested: number }).requested);

      const statements = childrenOf(spans, operation);
      assert.equal(statements.length, statementsSent, "one span per statement db_queries_total counted");
      assert.ok(statements.length >= 2);
      for (const statement of statements) {
        assert.equal(statement.kind, SpanKind.CLIENT);
        assert.equal(statement.attributes["db.system.name"], server().kind === "postgres" ? "postgresql" : "sqlite");
        assert.match(String(statement.attributes["db.query.text"]), /^(SELECT|WITH)\b/i);
        assert.equal(statement.name.split(" ")[0], statement.attributes["db.operation.name"]);
      }
      assert.ok(
        statements.some((statement) => statement.name.includes("article")),
        statements.map((statement) => statement.name).join(", "),
      );
      const recorded = JSON.stringify(spans.map((span) => [span.name, span.attributes, span.events]));
      assert.ok(!recorded.includes(SECRET_SLUG), "no span carries the slug the client sent");
      assert.ok(!recorded.includes("Ada Reporter"), "no span carries a value the database answered");
    });

    test("every line logged inside a request carries its trace and the span it was logged in", async () => {
      const { header, traceId } = newTraceparent();
      const from = logLines.length;
      await server().data(ARTICLE_PAGE, { slug: SECRET_SLUG }, { traceparent: header });
      const statements = (await spansOf(traceId)).filter((span) => span.kind === SpanKind.CLIENT);

      const sqlLines = logLines.slice(from).filter((line) => line.msg === "sql");
      assert.equal(sqlLines.length, statements.length);
      // Logged as statements start, exported as they end: on PostgreSQL, concurrent ones end in another order.
      assert.deepEqual(
        sqlLines.map((line) => `${line.trace_id}/${line.span_id}`).sort(),
        statements.map((span) => `${traceId}/${span.spanContext().spanId}`).sort(),
      );
    });

    test("a refused operation's span carries its cost and the error code the client got", async () => {
      const { header, traceId } = newTraceparent();
      const answer = await server().graphql(`query Costly { articles(first: 100) { nodes { relatedArticles(first: 100) { nodes { title } } } } }`, undefined, {
        traceparent: header,
      });
      assert.equal(answer.body.errors?.[0].extensions?.code, "QUERY_TOO_COSTLY");

      const spans = await spansOf(traceId);
      const operation = only(
        spans.filter((span) => span.name === "query Costly"),
        "operation",
      );
      assert.equal(operation.attributes["broadsheet.graphql.cost"], 10_201);
      assert.deepEqual(operation.attributes["broadsheet.graphql.error_codes"], ["QUERY_TOO_COSTLY"]);
      assert.equal(operation.status.code, SpanStatusCode.ERROR);
      assert.equal(childrenOf(spans, operation).length, 0, "no statement ran");
    });

    test("other routes are named after their route and have no operation", async () => {
      const { header, traceId } = newTraceparent();
      assert.equal((await fetch(`${server().baseUrl}/readyz`, { headers: { traceparent: header } })).status, 200);
      const spans = await spansOf(traceId);
      const request = only(
        spans.filter((span) => span.kind === SpanKind.SERVER),
        "request",
      );
      assert.equal(request.name, "GET /readyz");
      assert.equal(request.attributes["http.route"], "/readyz");
      assert.ok(childrenOf(spans, request).every((span) => span.kind === SpanKind.CLIENT));
    });

    test("a server without tracing makes no spans", async () => {
      const untraced = await server().sibling({ tracing: undefined, schedulerIntervalMs: 0, comments: { mail: { pollMs: 0 } } });
      try {
        const { header, traceId } = newTraceparent();
        await untraced.data(ARTICLE_PAGE, { slug: SECRET_SLUG }, { traceparent: header });
        await untraced.data(ARTICLE_PAGE, { slug: SECRET_SLUG });
        assert.equal(exporter.getFinishedSpans().filter((span) => span.spanContext().traceId === traceId).length, 0);
      } finally {
        await untraced.stop();
      }
    });
  },
  traced,
);

test("a statement's shape keeps its parameters' places and drops every literal", () => {
  assert.equal(
    statementShape(`SELECT "a"."id" AS "a_id" FROM "article" "a" WHERE "a"."slug" = $1 AND "a"."status" = 'published'\n  LIMIT 11`),
    `SELECT "a"."id" AS "a_id" FROM "article" "a" WHERE "a"."slug" = $1 AND "a"."status" = ? LIMIT ?`,
  );
  assert.equal(
    statementShape("SELECT x FROM t2 WHERE name = 'O''Brien' AND n IN (1, -2.5) AND y = ?"),
    "SELECT x FROM t2 WHERE name = ? AND n IN (?, ?) AND y = ?",
  );
});

/** The modules a `npm start` process had loaded when it exited, after serving one GraphQL request. */
async function modulesLoadedByMain(env: Record<string, string>): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), "broadsheet-modules-"));
  try {
    const loaded = join(dir, "loaded.json");
    const preload = join(dir, "record-modules.js");
    writeFileSync(
      preload,
      `process.on("exit", () => require("node:fs").writeFileSync(${JSON.stringify(loaded)}, JSON.stringify(Object.keys(require.cache))));`,
    );
    const running = await startMain(`sqlite:${join(dir, "main.sqlite")}`, { ...env, NODE_OPTIONS: `--require ${preload}` });
    const response = await fetch(`${running.baseUrl}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: "{ articles(first: 3) { nodes { title } } }" }),
    });
    assert.equal(response.status, 200);
    assert.equal(await stopWith(running, "SIGTERM"), 0);
    return JSON.parse(readFileSync(loaded, "utf8")) as string[];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test("without OTEL_EXPORTER_OTLP_ENDPOINT the server never loads OpenTelemetry: tracing off costs no code on any request", async () => {
  // prom-client loads @opentelemetry/api, a facade that does nothing until a provider is registered: only the SDK counts.
  const sdk = (modules: string[]) =>
    modules.filter((path) => path.includes(join("node_modules", "@opentelemetry")) && !path.includes(join("@opentelemetry", "api")));
  assert.deepEqual(sdk(await modulesLoadedByMain({ OTEL_EXPORTER_OTLP_ENDPOINT: "" })), []);
  // The same process with tracing on does load it: the check above can fail.
  assert.ok(sdk(await modulesLoadedByMain({ OTEL_EXPORTER_OTLP_ENDPOINT: "http://127.0.0.1:9" })).length > 0);
});
