import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { loadConfig } from "../src/config";
import { TestDatabase, testDatabaseKinds } from "./helpers/databases";
import { ENTRY_POINTS } from "./helpers/entry-points";
import { RunningMain, startMain, stopWith } from "./helpers/main-process";

/**
 * Every ```graphql and ```sh block of README.md, run in order against a
 * server started as `npm start` starts it (the compiled main, its default
 * demo seed) on a fresh database. The conventions:
 *
 * - A ```graphql block is POSTed to /graphql; a ```json block right after it
 *   is its variables. Once an example has signed in (`data.login.token`), the
 *   later ones send that token, as the README tells readers to. Each must
 *   answer HTTP 200 with no errors, every top-level field non-null, and every
 *   list a top-level field holds (`nodes`, `edges`) non-empty: an example that
 *   finds nothing in the demo data fails.
 * - A ```sh block runs line by line (a trailing backslash joins lines) in
 *   bash, with `http://localhost:4000` replaced by the test server's URL and
 *   DATABASE_URL set to its database. `npm run SCRIPT -- ARGS` runs that
 *   script's compiled entry point (the test has built already). A command is
 *   either in RUNNABLE or in NOT_RUN with the reason; any other fails the
 *   test, so no example is skipped without saying why.
 */
const README = join(__dirname, "..", "..", "README.md");
const ROOT = join(__dirname, "..", "..");

/** Commands the test runs, by how they start. */
const RUNNABLE: Record<string, string> = {
  "npm run user:create": ENTRY_POINTS["user:create"],
  "npm run seed": ENTRY_POINTS.seed,
  "npm run comments:moderate": ENTRY_POINTS["comments:moderate"],
  "npm run persisted-queries": ENTRY_POINTS["persisted-queries"],
  curl: "curl",
};

/** Commands shown but not run here, and why. */
const NOT_RUN: Record<string, string> = {
  "npm install": "the test runs inside an installed tree",
  "npm start": "the test itself starts the server exactly as npm start does (startMain)",
  "npm test": "it would run this test again",
  "TEST_DATABASE_URL=": "it runs the whole suite again (npm test)",
  "npm run bench": "minutes of load; bench has a test of its own",
  "npm run fuzz": "the fuzz test runs in npm test with a fixed seed",
};

export interface Example {
  lang: "graphql" | "sh";
  text: string;
  variables?: Record<string, unknown>;
  line: number;
}

/** The README's examples in order, each graphql block with the json block that follows it. */
export function readmeExamples(markdown: string): Example[] {
  const examples: Example[] = [];
  const fence = /^```(\w+)\n([\s\S]*?)^```$/gm;
  for (let match = fence.exec(markdown); match; match = fence.exec(markdown)) {
    const [, lang, text] = match;
    const line = markdown.slice(0, match.index).split("\n").length;
    if (lang === "json") {
      const previous = examples.at(-1);
      assert.ok(previous?.lang === "graphql" && !previous.variables, `README.md:${line}: a json block must follow a graphql block (its variables)`);
      previous.variables = JSON.parse(text);
    } else if (lang === "graphql" || lang === "sh") {
      examples.push({ lang, text, line });
    } else {
      assert.fail(`README.md:${line}: a \`\`\`${lang} block is neither run nor given a reason here`);
    }
  }
  return examples;
}

function commandsOf(script: string): string[] {
  return script
    .replace(/\\\n\s*/g, " ")
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith("#"));
}

function runShell(command: string, baseUrl: string, databaseUrl: string): string {
  const skipped = Object.keys(NOT_RUN).find((start) => command.startsWith(start));
  if (skipped) return `not run: ${NOT_RUN[skipped]}`;
  // `VAR=value … npm run x -- args`: the assignments stay, the npm script becomes its compiled entry point.
  const local = command.replaceAll("http://localhost:4000", baseUrl);
  const script = Object.keys(RUNNABLE).find((start) => new RegExp(`^(\\w+=('[^']*'|\\S+) )*${start}( |$)`).test(local));
  assert.ok(script, `README sh example "${command}": add it to RUNNABLE, or to NOT_RUN with the reason`);
  const runnable = script.startsWith("npm run") ? local.replace(new RegExp(`${script}( --)?`), `"${process.execPath}" "${RUNNABLE[script]}"`) : local;
  const output = execFileSync("bash", ["-c", runnable], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: databaseUrl, LOG_FORMAT: "json" },
    encoding: "utf8",
  });
  // curl exits 0 whatever the answer: a GraphQL answer must be data without errors; another route's must be asked for with
  // -f (so that a 4xx or 5xx fails the command, and this test) and not piped (which would hide that exit status).
  if (script === "curl" && /\/graphql\b/.test(command))
    assert.match(output, /^\{"data":\{(?!.*"errors")/s, `README sh example "${command}" answered ${output}`);
  else if (script === "curl")
    assert.ok(/ -\w*f\b/.test(command) && !command.includes("|") && output.length > 0, `README sh example "${command}": use curl -f, unpiped`);
  return output;
}

function assertFoundSomething(data: Record<string, unknown>, line: number): void {
  for (const [field, value] of Object.entries(data)) {
    assert.notEqual(value, null, `README.md:${line}: ${field} is null on the demo data`);
    for (const list of ["nodes", "edges"]) {
      const items = (value as Record<string, unknown>)[list];
      if (Array.isArray(items)) assert.ok(items.length > 0, `README.md:${line}: ${field}.${list} is empty on the demo data`);
    }
  }
}

for (const kind of testDatabaseKinds()) {
  describe(`README examples, pasted in order against npm start's demo data [${kind.name}]`, () => {
    let database: TestDatabase;
    let running: RunningMain;
    let token: string | undefined;
    before(async () => {
      database = await kind.create();
      running = await startMain(database.url, { DEMO_ARTICLES: String(loadConfig({}).demoArticles) });
    });
    after(async () => {
      if (running) await stopWith(running, "SIGTERM");
      await database?.drop();
    });

    for (const example of readmeExamples(readFileSync(README, "utf8"))) {
      const title = example.text.split("\n")[0].slice(0, 70);
      test(`README.md:${example.line} ${example.lang}: ${title}`, async (t) => {
        if (example.lang === "sh") {
          for (const command of commandsOf(example.text)) {
            const output = runShell(command, running.baseUrl, database.url);
            if (output.startsWith("not run:")) t.diagnostic(`${command}: ${output}`);
          }
          return;
        }
        const response = await fetch(`${running.baseUrl}/graphql`, {
          method: "POST",
          headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
          body: JSON.stringify({ query: example.text, variables: example.variables }),
        });
        const body = (await response.json()) as { data?: Record<string, any>; errors?: unknown[] };
        assert.equal(body.errors, undefined, `README.md:${example.line}: ${JSON.stringify(body.errors)}`);
        assert.equal(response.status, 200);
        assertFoundSomething(body.data!, example.line);
        token = body.data!.login?.token ?? token;
      });
    }
  });
}
