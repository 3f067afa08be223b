import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { Client, createClient } from "graphql-ws";
import WebSocket from "ws";
import { DEFAULT_HTTP, DEFAULT_LIMITS } from "../src/config";
import { encodeGlobalId } from "../src/shared/global-id";
import { createArticle, createAuthor, createCategory } from "./factories/content";
import { describeEachDatabase } from "./helpers/each-database";
import { TestServer } from "./helpers/test-server";

const MAX_SUBSCRIPTIONS = 2;

type FormattedErrors = { message: string; extensions?: Record<string, unknown> }[];

function connect(server: TestServer): Client {
  return createClient({
    url: server.baseUrl.replace("http", "ws") + "/graphql",
    webSocketImpl: WebSocket,
    lazy: false,
    retryAttempts: 0,
    onNonLazyError: () => undefined,
  });
}

/** The first thing the server answers an operation with: its data, or the errors it was refused with. */
function answer(client: Client, query: string, variables: Record<string, unknown> = {}): Promise<{ data?: unknown; errors?: FormattedErrors }> {
  return new Promise((resolve) => {
    const stop = client.subscribe(
      { query, variables },
      {
        next: (result) => {
          stop();
          resolve(result as { data?: unknown; errors?: FormattedErrors });
        },
        error: (errors) => resolve({ errors: errors as FormattedErrors }),
        complete: () => undefined,
      },
    );
  });
}

async function refusedWith(client: Client, query: string, code: string, variables: Record<string, unknown> = {}): Promise<FormattedErrors> {
  const { data, errors } = await answer(client, query, variables);
  assert.equal(data, undefined, `${code}: ${JSON.stringify(data)}`);
  assert.ok(
    errors?.some((error) => error.extensions?.code === code),
    `expected ${code}, got ${JSON.stringify(errors)}`,
  );
  for (const error of errors!) assert.equal((error.extensions as Record<string, unknown> | undefined)?.stacktrace, undefined);
  return errors!;
}

const repeat = (count: number, text: (index: number) => string) => Array.from({ length: count }, (_, index) => text(index)).join(" ");

describeEachDatabase(
  "operation limits over graphql-ws",
  (server) => {
    let client: Client;
    let articleId: string;

    before(async () => {
      const ds = server().dataSource;
      articleId = encodeGlobalId("Article", (await createArticle(ds, { author: await createAuthor(ds), category: await createCategory(ds) })).id);
      client = connect(server());
    });

    after(async () => {
      await client.dispose();
    });

    test("a query within the limits runs over the socket", async () => {
      const { data, errors } = await answer(client, `{ articles(first: 1) { totalCount } }`);
      assert.equal(errors, undefined);
      assert.deepEqual(data, { articles: { totalCount: 1 } });
    });

    test("each limit refuses as over HTTP, with its code and its limit", async () => {
      const deep = `{ articles(first: 1) { nodes { ${"author { articles(first: 1) { nodes { ".repeat(3)}slug${" } } }".repeat(3)} } } }`;
      const cases: [string, string, number][] = [
        [`{ ${"a".repeat(DEFAULT_LIMITS.queryLength)} }`, "QUERY_TOO_LONG", DEFAULT_LIMITS.queryLength],
        [`{ ${"a ".repeat(DEFAULT_LIMITS.tokens)} }`, "TOO_MANY_TOKENS", DEFAULT_LIMITS.tokens],
        [deep, "QUERY_TOO_DEEP", DEFAULT_LIMITS.depth],
        [`{ ${repeat(DEFAULT_LIMITS.aliases + 1, (n) => `a${n}: articles(first: 1) { totalCount }`)} }`, "TOO_MANY_ALIASES", DEFAULT_LIMITS.aliases],
        [`{ __typename ${repeat(DEFAULT_LIMITS.directives + 1, () => "@include(if: true)")} }`, "TOO_MANY_DIRECTIVES", DEFAULT_LIMITS.directives],
        [`{ articles(first: 100) { nodes { relatedArticles(first: 100) { nodes { title } } } } }`, "QUERY_TOO_COSTLY", DEFAULT_LIMITS.cost],
      ];
      for (const [query, code, limit] of cases) {
        const errors = await refusedWith(client, query, code);
        assert.equal(errors.find((error) => error.extensions?.code === code)?.extensions?.limit, limit, code);
      }
    });

    test("syntax, validation and variable errors carry Apollo's codes", async () => {
      await refusedWith(client, `{ articles(first: 1) {`, "GRAPHQL_PARSE_FAILED");
      await refusedWith(client, `{ noSuchField }`, "GRAPHQL_VALIDATION_FAILED");
      await refusedWith(client, `subscription($id: ID!) { commentAdded(articleId: $id) { id } }`, "BAD_USER_INPUT", { id: 42 });
    });

    test(`a socket may run ${MAX_SUBSCRIPTIONS} operations at once; one more is refused with TOO_MANY_SUBSCRIPTIONS`, async () => {
      const own = connect(server());
      const stops = Array.from({ length: MAX_SUBSCRIPTIONS }, () =>
        own.subscribe(
          { query: `subscription($id: ID!) { commentAdded(articleId: $id) { id } }`, variables: { id: articleId } },
          { next: () => undefined, error: () => undefined, complete: () => undefined },
        ),
      );
      const errors = await refusedWith(own, `subscription($id: ID!) { commentAdded(articleId: $id) { id } }`, "TOO_MANY_SUBSCRIPTIONS", { id: articleId });
      assert.equal(errors[0].extensions?.limit, MAX_SUBSCRIPTIONS);
      for (const stop of stops) stop();
      await own.dispose();
    });

    test("a message larger than the body limit closes the socket with 1009", async () => {
      const socket = new WebSocket(server().baseUrl.replace("http", "ws") + "/graphql", "graphql-transport-ws");
      const closed = new Promise<number>((resolve) => socket.on("close", (code) => resolve(code)));
      await new Promise((resolve) => socket.on("open", resolve));
      socket.send(JSON.stringify({ type: "connection_init" }));
      await new Promise((resolve) => socket.once("message", resolve));
      socket.send(
        JSON.stringify({ id: "1", type: "subscribe", payload: { query: "{ __typename }", variables: { padding: "x".repeat(DEFAULT_HTTP.bodyLimitBytes) } } }),
      );
      assert.equal(await closed, 1009);
      const { data } = await answer(client, `{ __typename }`);
      assert.deepEqual(data, { __typename: "Query" });
    });
  },
  { http: { ...DEFAULT_HTTP, wsMaxSubscriptions: MAX_SUBSCRIPTIONS } },
);

describeEachDatabase(
  "graphql-ws in production (introspection off)",
  (server) => {
    test("introspection is refused and validation errors suggest no field names", async () => {
      const client = connect(server());
      await refusedWith(client, `{ __schema { types { name } } }`, "GRAPHQL_VALIDATION_FAILED");
      const [error] = await refusedWith(client, `{ articels(first: 1) { totalCount } }`, "GRAPHQL_VALIDATION_FAILED");
      assert.doesNotMatch(error.message, /Did you mean/);
      await client.dispose();
    });
  },
  { http: { ...DEFAULT_HTTP, introspection: false } },
);
