import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer, Server } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { assertOneLine, closedPort, runEntryPoint } from "./helpers/entry-points";

describe("npm start refuses a configuration mistake in one line, before anything runs", () => {
  let dir: string;
  let sqlite: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), "broadsheet-startup-"));
    sqlite = `sqlite:${join(dir, "start.sqlite")}`;
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  const cases: [string, Record<string, string>, RegExp][] = [
    ["a DATABASE_URL of no known scheme", { DATABASE_URL: "nonsense" }, /^DATABASE_URL must be sqlite:PATH or postgres:\/\/.*got "nonsense"$/],
    ["a PORT that is not a number", { PORT: "abc" }, /^PORT must be a non-negative integer, got "abc"$/],
    ["a PORT out of range", { PORT: "70000" }, /^PORT must be between 0 and 65535, got "70000"$/],
    ["production without JWT_SECRET", { NODE_ENV: "production" }, /^JWT_SECRET must be set when NODE_ENV=production$/],
    [
      "production without COMMENT_TOKEN_SECRET",
      { NODE_ENV: "production", JWT_SECRET: "a-production-grade-secret-of-forty-chars!" },
      /^COMMENT_TOKEN_SECRET must be set when NODE_ENV=production$/,
    ],
    ["an unknown LOG_LEVEL", { LOG_LEVEL: "loud" }, /^LOG_LEVEL must be one of .*got "loud"$/],
    ["an unknown IMAGE_SERVICE", { IMAGE_SERVICE: "fastly" }, /^IMAGE_SERVICE must be one of imgproxy, thumbor, imgix, cloudinary, got "fastly"$/],
    [
      "imgproxy without its signing key",
      { IMAGE_SERVICE: "imgproxy", IMAGE_SERVICE_URL: "https://img.example.com" },
      /^IMGPROXY_KEY must be set when IMAGE_SERVICE=imgproxy: imgproxy URLs are signed$/,
    ],
    ["a PUBLIC_URL that is no http(s) URL", { PUBLIC_URL: "news.example" }, /^PUBLIC_URL must be an http:\/\/ or https:\/\/ URL .*got "news.example"$/],
    [
      "an unknown placeholder in ARTICLE_URL_TEMPLATE",
      { ARTICLE_URL_TEMPLATE: "/{year}/{slug}" },
      /^ARTICLE_URL_TEMPLATE must be .*\{year\} is none of them, got "\/\{year\}\/\{slug\}"$/,
    ],
    [
      "an ARTICLE_URL_TEMPLATE without {slug}",
      { ARTICLE_URL_TEMPLATE: "/{section}" },
      /^ARTICLE_URL_TEMPLATE must be a path starting with \/ with \{slug\} in it.*got "\/\{section\}"$/,
    ],
    ["a PUBLISHER_LOGO_URL that is no URL", { PUBLISHER_LOGO_URL: "logo.png" }, /^PUBLISHER_LOGO_URL must be an http:\/\/ or https:\/\/ URL, got "logo.png"$/],
    [
      "a PUBLICATION_LANGUAGE that is no language tag",
      { PUBLICATION_LANGUAGE: "English" },
      /^PUBLICATION_LANGUAGE must be a language tag such as en or pt-BR, got "English"$/,
    ],
    ["a WEBHOOK_ALLOW_PRIVATE that is neither on nor off", { WEBHOOK_ALLOW_PRIVATE: "yes" }, /^WEBHOOK_ALLOW_PRIVATE must be on or off, got "yes"$/],
  ];
  for (const [mistake, env, expected] of cases) {
    test(`${mistake}`, async () => {
      // The SQLite file is never created: the check comes before migrations.
      assertOneLine(await runEntryPoint("start", [], { DATABASE_URL: sqlite, ...env }), expected);
    });
  }
});

describe("npm start explains a database it cannot open", () => {
  test("nothing listening on the PostgreSQL port: is PostgreSQL running on HOST:PORT?", async () => {
    const port = await closedPort();
    const finished = await runEntryPoint("start", [], { DATABASE_URL: `postgres://root@127.0.0.1:${port}/broadsheet` });
    assertOneLine(finished, new RegExp(`^cannot connect to PostgreSQL: is PostgreSQL running on 127\\.0\\.0\\.1:${port}\\?$`));
  });

  test("a PostgreSQL database that does not exist: createdb NAME", { skip: !process.env.TEST_DATABASE_URL && "needs TEST_DATABASE_URL" }, async () => {
    const url = new URL(process.env.TEST_DATABASE_URL!);
    url.pathname = "/broadsheet_never_created";
    const finished = await runEntryPoint("start", [], { DATABASE_URL: url.toString() });
    assertOneLine(finished, /has no database "broadsheet_never_created": create it with `createdb broadsheet_never_created`$/);
  });

  test("a SQLite path that cannot be a file", async () => {
    assertOneLine(
      await runEntryPoint("start", [], { DATABASE_URL: "sqlite:/dev/null/broadsheet.sqlite" }),
      /^cannot open the SQLite database \/dev\/null\/broadsheet\.sqlite: /,
    );
  });
});

describe("npm start on a port already in use", () => {
  let dir: string;
  let taken: Server;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), "broadsheet-port-"));
    taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, "0.0.0.0", resolve));
  });
  after(async () => {
    await new Promise((resolve) => taken.close(resolve));
    rmSync(dir, { recursive: true, force: true });
  });

  test("says which port and how to choose another", async () => {
    const port = (taken.address() as { port: number }).port;
    const finished = await runEntryPoint("start", [], { DATABASE_URL: `sqlite:${join(dir, "port.sqlite")}`, PORT: String(port) });
    assertOneLine(finished, new RegExp(`^port ${port} is already in use: stop what listens there, or set PORT to another port$`));
  });
});

describe("an unexpected start-up failure", () => {
  // A safelist file that is missing is not (yet) checked with the configuration: it fails while the server is built.
  const env = { DATABASE_URL: "sqlite::memory:", PERSISTED_QUERIES: "only", PERSISTED_QUERIES_MANIFEST: "/nonexistent/persisted-queries.json" };

  test("is one line and exit code 1, its stack trace only in the log at debug level", async () => {
    const quiet = await runEntryPoint("start", [], env);
    assert.equal(quiet.code, 1);
    assert.match(quiet.stderr, /^unexpected failure: ENOENT.*\(LOG_LEVEL=debug logs the stack trace\)\n$/);
    assert.doesNotMatch(quiet.stderr + quiet.stdout, /^\s+at /m);

    const debug = await runEntryPoint("start", [], { ...env, LOG_LEVEL: "debug" });
    assert.equal(debug.code, 1);
    assert.doesNotMatch(debug.stderr, /^\s+at /m, "stderr keeps its one line");
    const entry = debug.stdout
      .split("\n")
      .filter(Boolean)
      .map((line) => JSON.parse(line))
      .find((line) => line.msg === "unexpected failure");
    assert.match(entry?.err?.stack ?? "", /\n\s+at /, "the stack trace is in the debug log");
  });
});

describe(".env", () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), "broadsheet-dotenv-"));
    writeFileSync(join(dir, ".env"), "# a mistake the file makes\nPORT=eighty\n");
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  test("is loaded from the working directory when present", async () => {
    assertOneLine(await runEntryPoint("user:create", ["--help"], {}, dir), /^PORT must be a non-negative integer, got "eighty"$/);
  });

  test("loses to the environment", async () => {
    const finished = await runEntryPoint("user:create", ["--help"], { PORT: "4000" }, dir);
    assert.equal(finished.code, 0, finished.stderr);
    assert.match(finished.stdout, /^Usage: npm run user:create/);
  });
});
