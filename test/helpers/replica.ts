import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { test } from "node:test";
import { testDatabaseKinds } from "./databases";
import { DatabaseKind, TestDatabase } from "./databases";
import { TestServer } from "./test-server";

const run = promisify(execFile);

/**
 * The streaming replica `.ci/run` makes (a second cluster on port 5433,
 * filled by pg_basebackup -R from the primary of TEST_DATABASE_URL):
 * TEST_REPLICA_URL reaches it, TEST_REPLICA_CLUSTER ("15/replica") names it
 * for pg_ctlcluster. Test databases are made on the primary and replicate.
 */
export interface TestReplica {
  primary: DatabaseKind;
  /** The replica's URL of one of the primary's databases. */
  urlOf(database: TestDatabase): string;
  stop(): Promise<void>;
  /** Starts it, or leaves it running. */
  start(): Promise<void>;
}

export function testReplica(): TestReplica | string {
  const base = process.env.TEST_REPLICA_URL;
  const cluster = process.env.TEST_REPLICA_CLUSTER;
  const primary = testDatabaseKinds().find((kind) => kind.name === "postgres");
  if (!base || !cluster || !primary) return "TEST_DATABASE_URL, TEST_REPLICA_URL and TEST_REPLICA_CLUSTER must be set: .ci/run makes the replica and sets them";
  const [version, name] = cluster.split("/");
  const ctl = async (action: string) => void (await run("pg_ctlcluster", ["--skip-systemctl-redirect", version, name, action]));
  return {
    primary,
    urlOf: (database) => {
      const url = new URL(base);
      url.pathname = new URL(database.url).pathname;
      return url.toString();
    },
    stop: () => ctl("stop"),
    start: () =>
      ctl("start").catch((error: { stdout?: string }) => {
        if (!error.stdout?.includes("already running")) throw error;
      }),
  };
}

/**
 * Declares `suite` with the replica, or, without one, a test that fails in
 * CI (CI=true: the replica must be there) and is skipped elsewhere, saying why.
 * A run on SQLite alone (no TEST_DATABASE_URL, as .ci/run's second Node) has
 * no primary to replicate, so it skips them, saying so.
 */
export function withReplica(title: string, suite: (replica: TestReplica) => void): void {
  if (!process.env.TEST_DATABASE_URL) {
    test(title, { skip: "a SQLite-only run: replicas need the PostgreSQL primary of TEST_DATABASE_URL" }, () => {});
    return;
  }
  const replica = testReplica();
  if (typeof replica !== "string") return suite(replica);
  if (process.env.CI) {
    test(title, () => {
      throw new Error(`no read replica to test against: ${replica}`);
    });
  } else {
    test(title, { skip: `no read replica: ${replica}` }, () => {});
  }
}

/** A counter or gauge of `/metrics`, summed over its labels. */
export async function metricSum(server: TestServer, name: string): Promise<number> {
  const text = await (await fetch(`${server.baseUrl}/metrics`)).text();
  let sum = 0;
  for (const match of text.matchAll(new RegExp(`^${name}(?:\\{[^}]*\\})? (\\S+)$`, "gm"))) sum += Number(match[1]);
  return sum;
}

/** Waits (as long as the test may run) until every replica of the server takes reads. */
export async function replicasTakeReads(server: TestServer): Promise<void> {
  for (;;) {
    const health = (await (await fetch(`${server.baseUrl}/healthz`)).json()) as { degraded?: string[] };
    if (!(health.degraded ?? []).some((part) => part.startsWith("replica:"))) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
