import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { createServer } from "node:net";
import { join } from "node:path";

const DIST_SRC = join(__dirname, "..", "..", "src");

/** The compiled entry points behind `npm start` and the npm scripts of the CLIs. */
export const ENTRY_POINTS = {
  start: join(DIST_SRC, "main.js"),
  seed: join(DIST_SRC, "seed", "cli.js"),
  "user:create": join(DIST_SRC, "modules", "account", "create-user.cli.js"),
  "comments:moderate": join(DIST_SRC, "modules", "comment", "moderation", "moderate.cli.js"),
  "persisted-queries": join(DIST_SRC, "caching", "persisted-queries.cli.js"),
};

export type EntryPoint = keyof typeof ENTRY_POINTS;

export interface Finished {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs an entry point to its end with `env` over a quiet, JSON-logging
 * environment, without a terminal and with no `.env` unless `cwd` has one.
 */
export function runEntryPoint(entry: EntryPoint, args: string[], env: Record<string, string> = {}, cwd = join(DIST_SRC, "..")): Promise<Finished> {
  const child = spawn(process.execPath, [ENTRY_POINTS[entry], ...args], {
    cwd,
    env: { ...withoutConfiguration(process.env), LOG_LEVEL: "warn", LOG_FORMAT: "json", DEMO_ARTICLES: "0", PASSWORD: "a long passphrase for tests", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk) => (stdout += chunk));
  child.stderr.on("data", (chunk) => (stderr += chunk));
  return new Promise((resolve) => child.once("close", (code) => resolve({ code, stdout, stderr })));
}

/** The test run's own environment without the variables a developer may have set for the server. */
function withoutConfiguration(env: NodeJS.ProcessEnv): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const [name, value] of Object.entries(env)) {
    if (value !== undefined && !/^(PORT|DATABASE_URL|NODE_ENV|JWT_SECRET|COMMENT_TOKEN_SECRET|REDIS_URL)$/.test(name)) kept[name] = value;
  }
  return kept;
}

/** A port on which nothing listens (the kernel's pick, released again). */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** One readable line on stderr, exit code 2, no stack trace: what every user error at start-up or in a CLI gets. */
export function assertOneLine(finished: Finished, expected: RegExp): void {
  assert.equal(finished.code, 2, `exit code 2 (stderr: ${finished.stderr})`);
  const lines = finished.stderr.trimEnd().split("\n");
  assert.equal(lines.length, 1, `one line, got:\n${finished.stderr}`);
  assert.match(lines[0], expected);
  assert.doesNotMatch(finished.stderr + finished.stdout, /^\s+at /m, "no stack trace");
}
