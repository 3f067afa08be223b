import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Client } from "pg";

/** A fresh, empty database that a test file owns, dropped afterwards. */
export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

export interface DatabaseKind {
  name: "sqlite" | "postgres";
  create(): Promise<TestDatabase>;
}

/** SQLite always; PostgreSQL too when TEST_DATABASE_URL is set (CI sets it). */
export function testDatabaseKinds(): DatabaseKind[] {
  const kinds: DatabaseKind[] = [{ name: "sqlite", create: createSqliteDatabase }];
  const postgresUrl = process.env.TEST_DATABASE_URL;
  if (postgresUrl) kinds.push({ name: "postgres", create: () => createPostgresDatabase(postgresUrl) });
  return kinds;
}

async function createSqliteDatabase(): Promise<TestDatabase> {
  const dir = mkdtempSync(join(tmpdir(), "broadsheet-test-"));
  return { url: `sqlite:${join(dir, "test.sqlite")}`, drop: async () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * A new database on the server of `adminUrl`, named uniquely so that test
 * files running in parallel, and whatever earlier runs left, never meet.
 */
async function createPostgresDatabase(adminUrl: string): Promise<TestDatabase> {
  const name = `broadsheet_test_${process.pid}_${randomBytes(4).toString("hex")}`;
  await withClient(adminUrl, (client) => client.query(`CREATE DATABASE ${name}`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => withClient(adminUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)),
  };
}

async function withClient(url: string, run: (client: Client) => Promise<unknown>): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await run(client);
  } finally {
    await client.end();
  }
}
