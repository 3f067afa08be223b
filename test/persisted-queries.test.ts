import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { parse, print } from "graphql";
import { buildManifest, manifestJson } from "../src/caching/manifest";
import { CachingOptions, DEFAULT_CACHING, DEFAULT_LIMITS, loadConfig } from "../src/config";
import { serverOptionsFrom } from "../src/server";
import { Role } from "../src/modules/user/role";
import { buildSchema } from "../src/schema";
import { createArticle, createAuthor, createCategory } from "./factories/content";
import { createUser, signIn } from "./factories/users";
import { CacheStore, cachingFor, dropKeys, getGraphql } from "./helpers/caching";
import { describeEachDatabase } from "./helpers/each-database";

const ROOT = join(__dirname, "..", "..");
const MANIFEST = join(ROOT, "operations", "persisted-queries.json");

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");
const persisted = (query: string) => ({ persistedQuery: { version: 1, sha256Hash: sha256(query) } });
const codeOf = (body: { errors?: { extensions?: Record<string, unknown> }[] }) => body.errors?.[0]?.extensions?.code;

const LATEST = `query Latest($first: Int) { articles(first: $first) { nodes { slug title } } }`;

for (const store of ["memory", "redis"] as CacheStore[]) {
  let caching: CachingOptions;
  describeEachDatabase(
    `automatic persisted queries (${store} store)`,
    (server) => {
      let slug: string;
      before(async () => {
        const ds = server().dataSource;
        slug = (await createArticle(ds, { author: await createAuthor(ds), category: await createCategory(ds) })).slug;
      });
      after(async () => {
        await dropKeys(caching);
      });

      test("a hash the server does not know is PERSISTED_QUERY_NOT_FOUND; once registered, a GET by hash is answered, cacheable by a CDN", async () => {
        const variables = { first: 5 };
        const unknown = await getGraphql(server(), { variables, extensions: persisted(LATEST) });
        assert.equal(codeOf(unknown.body), "PERSISTED_QUERY_NOT_FOUND");
        assert.match(unknown.headers.get("cache-control") ?? "", /private/);

        const registered = await getGraphql(server(), { query: LATEST, variables, extensions: persisted(LATEST) });
        assert.equal(registered.status, 200);
        assert.deepEqual(
          registered.body.data?.articles.nodes.map((node: { slug: string }) => node.slug),
          [slug],
        );

        const byHash = await getGraphql(server(), { variables, extensions: persisted(LATEST) });
        assert.equal(byHash.status, 200);
        assert.deepEqual(byHash.body.data, registered.body.data);
        assert.equal(byHash.headers.get("cache-control"), "public, max-age=60, s-maxage=60, stale-while-revalidate=30");
        assert.match(byHash.headers.get("vary") ?? "", /Accept, Authorization, X-Preview-Token/);
      });

      test("an answer to a request with a credential, or with errors, is private and not stored", async () => {
        await getGraphql(server(), { query: LATEST, extensions: persisted(LATEST) });
        const editor = await signIn(server(), await createUser(server().dataSource, Role.EDITOR));
        const signedIn = await getGraphql(server(), { variables: { first: 1 }, extensions: persisted(LATEST) }, editor);
        assert.equal(signedIn.body.errors, undefined);
        assert.equal(signedIn.headers.get("cache-control"), "private, no-store");
        const failed = await getGraphql(server(), { variables: { first: 1000 }, extensions: persisted(LATEST) });
        assert.equal(codeOf(failed.body), "BAD_USER_INPUT");
        assert.equal(failed.headers.get("cache-control"), "private, no-store");
      });

      test("operation limits apply to queries registered through APQ: a refused query is never registered", async () => {
        const deep = `query Deep { articles { nodes { author { articles { nodes { author { articles { nodes { author { articles { nodes { slug } } } } } } } } } } } }`;
        const costly = `query Costly { articles(first: 100) { nodes { relatedArticles(first: 100) { nodes { title } } } } }`;
        const tokens = `query Tokens { ${"f ".repeat(2001)} }`;
        for (const [query, code] of [
          [deep, "QUERY_TOO_DEEP"],
          [costly, "QUERY_TOO_COSTLY"],
          [tokens, "TOO_MANY_TOKENS"],
        ]) {
          const registering = await server().graphql(query, undefined, {});
          assert.equal(codeOf(registering.body), code);
          const viaApq = await fetch(`${server().baseUrl}/graphql`, {
            method: "POST",
            headers: { "content-type": "application/json" },
            body: JSON.stringify({ query, extensions: persisted(query) }),
          });
          assert.equal(codeOf((await viaApq.json()) as { errors?: { extensions?: Record<string, unknown> }[] }), code);
          assert.equal(codeOf((await getGraphql(server(), { extensions: persisted(query) })).body), "PERSISTED_QUERY_NOT_FOUND", code);
        }
      });

      if (store === "memory") {
        test("the in-memory store is bounded: past its size, the least recently used query is forgotten", async () => {
          const first = `query First { articles(first: 1) { nodes { slug } } }`;
          const second = `query Second { articles(first: 2) { nodes { slug title } } }`;
          const small = await server().sibling({ caching: cachingFor("memory", { responseCache: "off", apqCacheBytes: first.length + second.length - 1 }) });
          try {
            await getGraphql(small, { query: first, extensions: persisted(first) });
            assert.equal((await getGraphql(small, { extensions: persisted(first) })).status, 200);
            await getGraphql(small, { query: second, extensions: persisted(second) });
            assert.equal(codeOf((await getGraphql(small, { extensions: persisted(first) })).body), "PERSISTED_QUERY_NOT_FOUND");
            assert.equal((await getGraphql(small, { extensions: persisted(second) })).status, 200);
          } finally {
            await small.stop();
          }
        });
      } else {
        test("a query registered on one instance is served by hash on another sharing Redis", async () => {
          const shared = `query Shared { articles(first: 3) { nodes { title } } }`;
          const second = await server().sibling({ caching });
          try {
            await getGraphql(server(), { query: shared, extensions: persisted(shared) });
            const byHash = await getGraphql(second, { extensions: persisted(shared) });
            assert.equal(byHash.status, 200);
            assert.equal(byHash.body.errors, undefined);
          } finally {
            await second.stop();
          }
        });

        test("a query another instance registered under larger text limits is a miss here, and its text is refused", async () => {
          const long = `query Long { ${"__typename ".repeat(DEFAULT_LIMITS.tokens)} }`;
          const lax = await server().sibling({ caching, limits: { ...DEFAULT_LIMITS, tokens: 10_000, queryLength: 100_000 } });
          try {
            const registered = await getGraphql(lax, { query: long, extensions: persisted(long) });
            assert.equal(registered.body.errors, undefined);
            assert.equal(codeOf((await getGraphql(server(), { extensions: persisted(long) })).body), "PERSISTED_QUERY_NOT_FOUND");
            assert.equal(codeOf((await server().graphql(long)).body), "QUERY_TOO_LONG");
          } finally {
            await lax.stop();
          }
        });
      }
    },
    () => ({ caching: (caching = cachingFor(store, { responseCache: "off" })) }),
  );
}

describeEachDatabase(
  "the persisted-query safelist (PERSISTED_QUERIES=only)",
  (server) => {
    const manifest = JSON.parse(readFileSync(MANIFEST, "utf8")) as Record<string, string>;
    const feed = Object.values(manifest).find((query) => query.startsWith("query Feed"))!;
    let slug: string;
    before(async () => {
      const ds = server().dataSource;
      slug = (await createArticle(ds, { author: await createAuthor(ds), category: await createCategory(ds) })).slug;
    });

    test("runs the manifest's operations, by hash over GET or by their exact text", async () => {
      const byHash = await getGraphql(server(), { operationName: "Feed", extensions: persisted(feed) });
      assert.equal(byHash.body.errors, undefined);
      assert.equal(byHash.body.data?.articles.edges[0].node.slug, slug);
      // The feed shows comment counts: kept 10 seconds.
      assert.equal(byHash.headers.get("cache-control"), "public, max-age=10, s-maxage=10, stale-while-revalidate=30");
      const byText = await server().graphql(feed, { filter: { authorSlug: "nobody" } });
      assert.deepEqual(byText.body.data?.articles.edges, []);
    });

    test("refuses anything else with PERSISTED_QUERY_NOT_ALLOWED, before it runs", async () => {
      const other = `query Other { articles(first: 1) { nodes { slug } } }`;
      const before = await server().queriesSent();
      const attempts = [
        await server().graphql(other),
        await getGraphql(server(), { extensions: persisted(other) }),
        await getGraphql(server(), { query: other, extensions: persisted(other) }),
        // The manifest's operation, reformatted: a different text is a different operation.
        await server().graphql(feed.replace(/\n\s*/g, " ")),
      ];
      for (const attempt of attempts) {
        assert.equal(attempt.status, 400);
        assert.equal(codeOf(attempt.body), "PERSISTED_QUERY_NOT_ALLOWED");
        assert.equal(attempt.headers.get("cache-control"), "private, no-store");
      }
      assert.equal(await server().queriesSent(), before);
      assert.equal(codeOf((await getGraphql(server(), { extensions: persisted(other) })).body), "PERSISTED_QUERY_NOT_ALLOWED");
    });
  },
  { caching: { ...cachingFor("memory", { responseCache: "off" }), persistedQueries: "only", manifestPath: MANIFEST } },
);

describe("npm run persisted-queries", () => {
  let dir: string;
  const script = join(ROOT, "dist", "src", "caching", "persisted-queries.cli.js");
  before(() => {
    dir = mkdtempSync(join(tmpdir(), "operations-"));
  });
  after(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  test("writes each operation file's printed text under its sha256, and --check fails once a file changes", () => {
    const text = `query Sections {\n  categories(first: 50) { nodes { slug name } }\n}\n`;
    writeFileSync(join(dir, "Sections.graphql"), text);
    writeFileSync(join(dir, "notes.txt"), "not an operation");
    execFileSync(process.execPath, [script, "--dir", dir], { cwd: ROOT });
    const printed = print(parse(text));
    assert.deepEqual(JSON.parse(readFileSync(join(dir, "persisted-queries.json"), "utf8")), { [sha256(printed)]: printed });
    assert.equal(spawnSync(process.execPath, [script, "--dir", dir, "--check"], { cwd: ROOT }).status, 0);

    writeFileSync(join(dir, "Sections.graphql"), text.replace("slug name", "slug"));
    const stale = spawnSync(process.execPath, [script, "--dir", dir, "--check"], { cwd: ROOT, encoding: "utf8" });
    assert.equal(stale.status, 1);
    assert.match(stale.stderr, /out of date/);
  });

  test("refuses an operation the schema does not accept, naming its file", () => {
    writeFileSync(join(dir, "Broken.graphql"), `query Broken { articles { nodes { noSuchField } } }`);
    assert.throws(() => buildManifest(dir, buildSchema()), /Broken\.graphql: .*noSuchField/);
    rmSync(join(dir, "Broken.graphql"));
  });

  test("the checked-in manifest is up to date with operations/", () => {
    assert.equal(readFileSync(MANIFEST, "utf8"), manifestJson(buildManifest(join(ROOT, "operations"), buildSchema())));
  });
});

test("caching and the socket bounds come from the environment, through serverOptionsFrom", () => {
  const defaults = loadConfig({});
  assert.equal(defaults.caching.persistedQueries, "apq");
  assert.equal(defaults.caching.responseCache, "memory");
  assert.equal(defaults.caching.maxAgeSeconds, 300);
  assert.equal(defaults.caching.cdnPurgeUrl, undefined);
  assert.throws(() => loadConfig({ CDN_PURGE_URL: "cdn.example.com/purge" }), /CDN_PURGE_URL must be an http:\/\/ or https:\/\/ URL/);
  assert.equal(loadConfig({ REDIS_URL: "redis://cache:6379" }).caching.responseCache, "redis");
  assert.throws(() => loadConfig({ RESPONSE_CACHE: "redis" }), /REDIS_URL/);
  assert.throws(() => loadConfig({ PERSISTED_QUERIES: "sometimes" }), /PERSISTED_QUERIES/);
  const config = loadConfig({
    PERSISTED_QUERIES: "only",
    PERSISTED_QUERIES_MANIFEST: "ops.json",
    RESPONSE_CACHE: "off",
    RESPONSE_CACHE_TTL_SECONDS: "5",
    CACHE_MAX_AGE_SECONDS: "10",
    APQ_CACHE_BYTES: "1000",
    WS_MAX_SUBSCRIPTIONS: "3",
  });
  const options = serverOptionsFrom(config);
  assert.deepEqual(
    { ...options.caching },
    {
      ...DEFAULT_CACHING,
      persistedQueries: "only",
      manifestPath: "ops.json",
      responseCache: "off",
      responseCacheTtlSeconds: 5,
      maxAgeSeconds: 10,
      apqCacheBytes: 1000,
      redisUrl: undefined,
      cdnPurgeUrl: undefined,
      cdnPurgeToken: undefined,
    },
  );
  assert.equal(options.http?.wsMaxSubscriptions, 3);
});
