import assert from "node:assert/strict";
import { test } from "node:test";
import { DEFAULT_HTTP, loadConfig } from "../src/config";
import { describeEachDatabase } from "./helpers/each-database";
import { TestServer } from "./helpers/test-server";

async function post(server: TestServer, body: string, contentType = "application/json"): Promise<{ status: number; body: any }> {
  const response = await fetch(`${server.baseUrl}/graphql`, { method: "POST", headers: { "content-type": contentType }, body });
  return { status: response.status, body: await response.json().catch(() => null) };
}

describeEachDatabase("the HTTP layer", (server) => {
  test("refuses a body over the limit (128 KiB) with 413 PAYLOAD_TOO_LARGE, and keeps serving", async () => {
    const padded = JSON.stringify({ query: "{ __typename }", variables: { pad: "x".repeat(DEFAULT_HTTP.bodyLimitBytes) } });
    const refused = await post(server(), padded);
    assert.equal(refused.status, 413);
    assert.equal(refused.body.errors[0].extensions.code, "PAYLOAD_TOO_LARGE");
    assert.equal((await server().data("{ __typename }")).__typename, "Query");
  });

  test("refuses batched operations (a JSON array) with a coded error", async () => {
    const refused = await post(server(), JSON.stringify([{ query: "{ __typename }" }, { query: "{ __typename }" }]));
    assert.equal(refused.status, 400);
    assert.ok(refused.body.errors[0].extensions.code, JSON.stringify(refused.body));
  });

  test("keeps CSRF prevention on: text/plain and form posts are refused", async () => {
    for (const contentType of ["text/plain", "application/x-www-form-urlencoded"]) {
      const refused = await post(server(), JSON.stringify({ query: "{ __typename }" }), contentType);
      assert.ok(refused.status === 400 || refused.status === 415, `${contentType}: ${refused.status}`);
      assert.ok(refused.body.errors[0].extensions.code, contentType);
    }
  });

  test("refuses a mutation over GET with 405", async () => {
    const query = encodeURIComponent('mutation { login(email: "a@example.com", password: "x") { token } }');
    const response = await fetch(`${server().baseUrl}/graphql?query=${query}`, { headers: { "apollo-require-preflight": "true" } });
    assert.equal(response.status, 405);
  });

  test("answers any origin's CORS preflight by default", async () => {
    const response = await fetch(`${server().baseUrl}/graphql`, {
      method: "OPTIONS",
      headers: { origin: "https://news.example", "access-control-request-method": "POST", "access-control-request-headers": "content-type" },
    });
    assert.equal(response.status, 204);
    assert.equal(response.headers.get("access-control-allow-origin"), "*");
  });

  test("development keeps introspection and suggestions on, for Sandbox", async () => {
    assert.ok((await server().data("{ __schema { queryType { name } } }")).__schema);
    const misspelt = await server().graphql("{ articels(first: 1) { totalCount } }");
    assert.match(misspelt.body.errors![0].message, /Did you mean "articles"/);
  });
});

describeEachDatabase(
  "production settings",
  (server) => {
    test("turn introspection and field suggestions off", async () => {
      const introspection = await server().graphql("{ __schema { queryType { name } } }");
      assert.equal(introspection.status, 400);
      assert.equal(introspection.body.errors?.[0].extensions?.code, "GRAPHQL_VALIDATION_FAILED");
      const misspelt = await server().graphql("{ articels(first: 1) { totalCount } }");
      assert.doesNotMatch(misspelt.body.errors![0].message, /Did you mean/);
    });

    test("allow only the configured origins", async () => {
      const preflight = (origin: string) =>
        fetch(`${server().baseUrl}/graphql`, { method: "OPTIONS", headers: { origin, "access-control-request-method": "POST" } });
      assert.equal((await preflight("https://news.example")).headers.get("access-control-allow-origin"), "https://news.example");
      assert.equal((await preflight("https://evil.example")).headers.get("access-control-allow-origin"), null);
    });
  },
  { http: { ...DEFAULT_HTTP, introspection: false, corsOrigins: ["https://news.example"] } },
);

test("introspection defaults to off in production, on with GRAPHQL_INTROSPECTION=on", () => {
  const secrets = { JWT_SECRET: "j".repeat(40), COMMENT_TOKEN_SECRET: "c".repeat(40) };
  assert.equal(loadConfig({ NODE_ENV: "production", ...secrets }).http.introspection, false);
  assert.equal(loadConfig({ NODE_ENV: "production", GRAPHQL_INTROSPECTION: "on", ...secrets }).http.introspection, true);
  assert.equal(loadConfig({}).http.introspection, true);
  assert.deepEqual(loadConfig({ CORS_ORIGINS: "https://a.example, https://b.example" }).http.corsOrigins, ["https://a.example", "https://b.example"]);
});
