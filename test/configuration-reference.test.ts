import assert from "node:assert/strict";
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";

const ROOT = join(__dirname, "..", "..");
const REFERENCE = "docs/configuration.md";

/** Variables that are plumbing between processes of one command, not configuration. */
const INTERNAL: Record<string, string> = {
  BENCH_RESPONSES: "npm run bench hands its child process the recorded answers",
};

/** Variables `.env.example` leaves out, and why. */
const NOT_IN_ENV_EXAMPLE: Record<string, string> = {
  PASSWORD: "a new account's password is given per command, never kept in a file",
};

/** Every `env.<NAME>` / `process.env.<NAME>` read in the TypeScript files at `paths` (files or folders), with where it is read. */
function variablesReadIn(paths: string[], into = new Map<string, string>()): Map<string, string> {
  for (const path of paths) {
    if (statSync(join(ROOT, path)).isDirectory()) {
      const entries = readdirSync(join(ROOT, path)).filter((name) => name !== "node_modules");
      variablesReadIn(
        entries.map((name) => join(path, name)),
        into,
      );
    } else if (path.endsWith(".ts")) {
      for (const [, name] of readFileSync(join(ROOT, path), "utf8").matchAll(/\benv\.([A-Z][A-Z0-9_]*)\b/g)) {
        if (!into.has(name)) into.set(name, path);
      }
    }
  }
  return into;
}

/** The variables a Markdown table documents: the backticked names in each row's first cell. */
function documented(markdown: string): Set<string> {
  const names = new Set<string>();
  for (const [, cell] of markdown.matchAll(/^\| ([^|]+) \|/gm)) {
    for (const [, name] of cell.matchAll(/`([A-Z][A-Z0-9_]*)`/g)) names.add(name);
  }
  return names;
}

test("docs/configuration.md documents every environment variable the code reads, and only those", () => {
  const server = variablesReadIn(["src", "ormconfig.ts"]);
  const everywhere = variablesReadIn(["test", "bench"], new Map(server));
  const reference = documented(readFileSync(join(ROOT, REFERENCE), "utf8"));

  const undocumented = [...everywhere].filter(([name]) => !reference.has(name) && !(name in INTERNAL));
  assert.deepEqual(
    undocumented.map(([name, file]) => `${name} (read in ${file})`),
    [],
    `add a row for each to the table in ${REFERENCE}, and a line to .env.example`,
  );
  const unread = [...reference].filter((name) => !everywhere.has(name));
  assert.deepEqual(unread, [], `${REFERENCE} documents variables that nothing reads: remove their rows`);

  const example = readFileSync(join(ROOT, ".env.example"), "utf8");
  const missing = [...server.keys()].filter((name) => !new RegExp(`^(# )?${name}=`, "m").test(example) && !(name in NOT_IN_ENV_EXAMPLE));
  assert.deepEqual(missing, [], "add each to .env.example with a comment (commented out when it has no default)");
});
