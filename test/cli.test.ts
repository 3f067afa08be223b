import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { EntryPoint, assertOneLine, runEntryPoint } from "./helpers/entry-points";

const CLIS: EntryPoint[] = ["seed", "user:create", "comments:moderate", "persisted-queries"];

describe("every CLI", () => {
  for (const cli of CLIS) {
    test(`${cli} --help prints its usage and exits 0`, async () => {
      const finished = await runEntryPoint(cli, ["--help"]);
      assert.equal(finished.code, 0, finished.stderr);
      assert.match(finished.stdout, new RegExp(`^Usage: npm run ${cli} `));
    });

    test(`${cli} names an unknown option in one line`, async () => {
      assertOneLine(await runEntryPoint(cli, ["--frobnicate"]), new RegExp(`^npm run ${cli} -- has no option --frobnicate \\(--help lists the options\\)$`));
    });

    test(`${cli} names a stray argument in one line`, async () => {
      assertOneLine(await runEntryPoint(cli, ["stray"]), new RegExp(`^npm run ${cli} -- takes no argument "stray"`));
    });
  }
});

describe("CLI mistakes get one line and exit code 2", () => {
  let dir: string;
  let databaseUrl: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), "broadsheet-cli-"));
    databaseUrl = `sqlite:${join(dir, "cli.sqlite")}`;
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  test("user:create pasted with the usage's square brackets says to leave them out", async () => {
    const finished = await runEntryPoint("user:create", ["--email", "chief@example.com", "--role", "admin", "[--author", "AUTHOR_SLUG]"], {
      DATABASE_URL: databaseUrl,
    });
    assertOneLine(finished, /takes no argument "\[--author": square brackets in a usage line mark an optional part, leave them out$/);
  });

  test("user:create without --email, with an unknown role, or with an unknown author", async () => {
    assertOneLine(await runEntryPoint("user:create", ["--role", "admin"], { DATABASE_URL: databaseUrl }), /needs --email/);
    assertOneLine(
      await runEntryPoint("user:create", ["--email", "a@example.com", "--role", "boss"], { DATABASE_URL: databaseUrl }),
      /needs --role .*got "boss"$/,
    );
    assertOneLine(
      await runEntryPoint("user:create", ["--email", "a@example.com", "--role", "author", "--author", "nobody"], { DATABASE_URL: databaseUrl }),
      /^No author with slug "nobody"\.$/,
    );
  });

  test("user:create creates an account, then refuses the same email in one line", async () => {
    const created = await runEntryPoint("user:create", ["--email", "chief@example.com", "--role", "admin"], { DATABASE_URL: databaseUrl });
    assert.equal(created.code, 0, created.stderr);
    assert.match(created.stdout, /^Created ADMIN chief@example\.com\.$/m);
    assertOneLine(
      await runEntryPoint("user:create", ["--email", "chief@example.com", "--role", "admin"], { DATABASE_URL: databaseUrl }),
      /chief@example\.com|email/i,
    );
  });

  test("seed: a missing value, a bad count, and a database that is not empty", async () => {
    assertOneLine(await runEntryPoint("seed", ["--articles"], { DATABASE_URL: databaseUrl }), /^npm run seed -- needs a value after --articles/);
    assertOneLine(await runEntryPoint("seed", ["--articles", "many"], { DATABASE_URL: databaseUrl }), /--articles must be a positive integer, got "many"/);
    const seeded = await runEntryPoint("seed", ["--articles", "5"], { DATABASE_URL: databaseUrl });
    assert.equal(seeded.code, 0, seeded.stderr);
    assertOneLine(await runEntryPoint("seed", ["--articles", "5"], { DATABASE_URL: databaseUrl }), /already has articles/);
  });

  test("comments:moderate: a bad id, a bad status, a comment that does not exist", async () => {
    assertOneLine(await runEntryPoint("comments:moderate", ["--id", "abc", "--status", "SPAM"], { DATABASE_URL: databaseUrl }), /needs --id .*got "abc"$/);
    assertOneLine(await runEntryPoint("comments:moderate", ["--id", "1", "--status", "GONE"], { DATABASE_URL: databaseUrl }), /needs --status .*got "GONE"$/);
    assertOneLine(
      await runEntryPoint("comments:moderate", ["--id", "999999", "--status", "SPAM"], { DATABASE_URL: databaseUrl }),
      /^No comment has this id\.$/,
    );
  });

  test("persisted-queries: a directory that does not exist", async () => {
    assertOneLine(await runEntryPoint("persisted-queries", ["--dir", join(dir, "missing"), "--check"]), /ENOENT.*missing/);
  });
});
