import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { POSTGRAPHILE_NODE, POSTGRAPHILE_PACKAGE_DIR } from "./baselines/postgraphile-install";
import { ChildSpec } from "./child-server";

export type TargetName = "server" | "variant" | "naive" | "floor" | "limit" | "postgraphile";

/** What each target is, for the table's legend. */
export const TARGET_TITLES: Record<TargetName, string> = {
  server: "Broadsheet in production mode",
  variant: "the server with the --variant environment, or built from --variant-build",
  naive: "(c) the same server with DataLoader batching off (LOADER_BATCHING=off)",
  floor: "(b) plain graphql-js over the same data in memory, on node:http",
  limit: "(a) node:http answering the precomputed response bytes",
  postgraphile: "PostGraphile 5 (base preset, production mode) on node:http over the same PostgreSQL database, W1 and W2 in its schema's shape",
};

export const PROFILE_DIR = "bench/results/profiles";

/**
 * The server as `npm start` runs it in production, minus demo seeding;
 * batching off makes the naive build, `extraEnv` or another checkout's
 * build (`root`) a variant.
 */
export function serverSpec(
  name: TargetName,
  databaseUrl: string,
  batching: boolean,
  profile: boolean,
  extraEnv: Record<string, string> = {},
  root = ".",
): ChildSpec {
  return {
    name,
    script: join(root, "dist/src/main.js"),
    env: {
      DATABASE_URL: databaseUrl,
      NODE_ENV: "production",
      DEMO_ARTICLES: "0",
      LOG_LEVEL: "warn",
      LOADER_BATCHING: batching ? "on" : "off",
      // W5 posts comments from one address and one email as fast as the load generator can: the limits
      // that stop a flooding reader would answer most of them RATE_LIMITED (or hold them) instead of writing.
      COMMENT_RATE_LIMIT: "1000000000/1s",
      COMMENT_FLOOD_LIMIT: "1000000000/1s",
      // Every workload repeats the same few requests: the anonymous response cache would answer nearly all of them
      // without SQL. The server is measured uncached; `--variant RESPONSE_CACHE=memory` measures the cache beside it.
      RESPONSE_CACHE: "off",
      // The naive build's article page can queue past the 5 s production budget on a loaded machine; a timeout
      // would measure the budget, not the server.
      EXECUTION_TIMEOUT_MS: "60000",
      ...productionSecrets(),
      ...extraEnv,
    },
    nodeArgs: profile ? ["--cpu-prof", `--cpu-prof-dir=${PROFILE_DIR}`] : [],
    readyPath: "/readyz",
  };
}

export function floorSpec(databaseUrl: string): ChildSpec {
  return { name: "floor", script: "dist/bench/baselines/floor-server.js", env: { DATABASE_URL: databaseUrl }, readyPath: "/healthz" };
}

/**
 * PostgreSQL only: PostGraphile builds its schema from the database's
 * catalogue. It runs on the Node.js 22 it requires, from its own package
 * (installPostgraphile must have run).
 */
export function postgraphileSpec(databaseUrl: string): ChildSpec {
  return {
    name: "postgraphile",
    script: "dist/bench/baselines/postgraphile-server.js",
    execPath: POSTGRAPHILE_NODE,
    // GRAPHILE_ENV overrides NODE_ENV for Grafast; both say production, whatever the bench itself runs under.
    env: { DATABASE_URL: databaseUrl, NODE_ENV: "production", GRAPHILE_ENV: "production", POSTGRAPHILE_PACKAGE_DIR },
    readyPath: "/healthz",
  };
}

/** `responsesFile`: JSON [requestBody, responseBody] pairs. */
export function limitSpec(responsesFile: string): ChildSpec {
  return { name: "limit", script: "dist/bench/baselines/limit-server.js", env: { BENCH_RESPONSES: responsesFile }, readyPath: "/healthz" };
}

/**
 * A fresh random value for every `*_SECRET` that `.env.example` lists:
 * production refuses to start without its secrets, and the bench keeps
 * nothing signed with them past the run.
 */
function productionSecrets(): Record<string, string> {
  const names = readFileSync(".env.example", "utf8").match(/^[# ]*[A-Z0-9_]*_SECRET(?==)/gm) ?? [];
  return Object.fromEntries(names.map((line) => [line.replace(/^[# ]*/, ""), randomBytes(32).toString("hex")]));
}
