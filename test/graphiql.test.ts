import assert from "node:assert/strict";
import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { Browser, chromium } from "playwright-core";
import { createArticle, createAuthor, createCategory } from "./factories/content";
import { testDatabaseKinds } from "./helpers/databases";
import { TestServer } from "./helpers/test-server";

/** Debian's Chromium, which .ci/run installs; playwright-core never downloads a browser of its own. */
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const OUTPUT_DIR = join(__dirname, "..", "..", "test-output", "graphiql");
const CHROMIUM_FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

describe("GraphiQL at /graphiql, offline", () => {
  let server: TestServer;
  let browser: Browser;
  before(async () => {
    assert.ok(existsSync(CHROMIUM), `Chromium is missing at ${CHROMIUM}: apt-get install chromium (.ci/run does)`);
    server = await TestServer.start(testDatabaseKinds()[0]);
    const ds = server.dataSource;
    await createArticle(ds, { title: "Tides of the Northern Sea", author: await createAuthor(ds), category: await createCategory(ds) });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  test("runs the query in its editor against /graphql and shows the answer, with every asset from this server", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const elsewhere: string[] = [];
    // Anything not served by the server itself is refused, as it would be offline.
    await page.route(
      (url) => url.origin !== server.baseUrl,
      (route) => {
        elsewhere.push(route.request().url());
        return route.abort();
      },
    );
    await page.goto(`${server.baseUrl}/graphiql`);
    await page.locator(".graphiql-query-editor .view-lines").filter({ hasText: "FrontPage" }).waitFor();
    await page.locator(".graphiql-execute-button").click();
    const result = page.locator(".graphiql-response .view-lines");
    await result.filter({ hasText: "Tides of the Northern Sea" }).waitFor();
    // Monaco renders spaces as no-break spaces.
    assert.match((await result.innerText()).replace(/\s+/g, " "), /"totalCount": 1,/);
    mkdirSync(OUTPUT_DIR, { recursive: true });
    await page.screenshot({ path: join(OUTPUT_DIR, "graphiql.png") });
    assert.deepEqual(
      elsewhere.filter((url) => !url.startsWith("data:") && !url.startsWith("blob:")),
      [],
    );
  });

  test("Sandbox's page at /graphql links to it, and / redirects to /graphql", async () => {
    const landing = await fetch(`${server.baseUrl}/graphql`, { headers: { accept: "text/html" } });
    assert.match(await landing.text(), /<a href="\/graphiql">\/graphiql<\/a>/);
    const root = await fetch(`${server.baseUrl}/`, { redirect: "manual" });
    assert.equal(root.status, 302);
    assert.equal(root.headers.get("location"), "/graphql");
  });
});

describe("GraphiQL where introspection is off (production's default)", () => {
  let server: TestServer;
  before(async () => {
    server = await TestServer.start(testDatabaseKinds()[0], {
      http: { introspection: false, bodyLimitBytes: 131_072, corsOrigins: "*", wsMaxSubscriptions: 20 },
    });
  });
  after(async () => server?.stop());

  test("is not served", async () => {
    assert.equal((await fetch(`${server.baseUrl}/graphiql`)).status, 404);
  });
});
