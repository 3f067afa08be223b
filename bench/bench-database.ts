import { spawnSync } from "node:child_process";
import { existsSync, rmSync } from "node:fs";
import { Client } from "pg";
import { DataSource } from "typeorm";
import { createDataSource } from "../ormconfig";
import { migrations } from "../src/migrations";
import { BenchOptions } from "./options";

const DEFAULT_ADMIN_URL = "postgres://root@127.0.0.1:5432/test";
const SEED_CLI = "dist/src/seed/cli.js";

/**
 * The bench database for `options`: reused when its marker says it was
 * seeded with the same parameters under the migrations it ran or an earlier
 * list of them (the newer ones are run on it, then it settles again), else
 * made anew and filled by the seed CLI. Returns its DATABASE_URL.
 *
 * A migration that needs seeded rows of its own must change the seed's
 * parameters' shape (seedPlan), so that older databases are seeded anew.
 */
export async function prepareBenchDatabase(options: BenchOptions): Promise<string> {
  const store = options.db === "postgres" ? postgresStore(options) : sqliteStore(options);
  const plan = seedPlan(options);
  const marker = (await store.exists()) ? await readMarker(store.url) : null;
  if (marker !== null && marker === plan) {
    console.log(`Reusing the bench database ${store.url}.`);
    return store.url;
  }
  if (marker !== null && migratesForward(marker, plan)) {
    console.log(`Reusing the bench database ${store.url}, migrated to the newer migrations.`);
    await withDataSource(store.url, (dataSource) => dataSource.runMigrations({ transaction: "each" }));
    await store.settle();
    await writeMarker(store.url, plan);
    return store.url;
  }
  await store.recreate();
  seed(store.url, options);
  await store.settle();
  await writeMarker(store.url, plan);
  return store.url;
}

/** Whether a database marked `marker` holds the rows `plan` seeds, under a prefix of its migrations. */
function migratesForward(marker: string, plan: string): boolean {
  const [was, wants] = [JSON.parse(marker), JSON.parse(plan)] as { migrations: string[] }[];
  const params = (value: { migrations: string[] }) => JSON.stringify({ ...value, migrations: [] });
  return params(was) === params(wants) && was.migrations.every((name, index) => wants.migrations[index] === name);
}

interface Store {
  url: string;
  exists(): Promise<boolean>;
  /** Leaves an empty database (or none, for SQLite: the seed CLI creates the file). */
  recreate(): Promise<void>;
  /** Brings a freshly seeded database to the state a long-running one is in. */
  settle(): Promise<void>;
}

function sqliteStore(options: BenchOptions): Store {
  const path = `./data/bench-${options.articles}.sqlite`;
  return {
    url: `sqlite:${path}`,
    exists: async () => existsSync(path),
    recreate: async () => {
      for (const file of [path, `${path}-wal`, `${path}-shm`]) rmSync(file, { force: true });
    },
    // SQLite keeps no statistics unless told to, and a production file would not have them either.
    settle: async () => {},
  };
}

function postgresStore(options: BenchOptions): Store {
  const adminUrl = process.env.BENCH_DATABASE_URL || DEFAULT_ADMIN_URL;
  const name = `broadsheet_bench_${options.articles}`;
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    exists: async () => (await adminQuery(adminUrl, "SELECT 1 FROM pg_database WHERE datname = $1", [name])).length > 0,
    recreate: async () => {
      await adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await adminQuery(adminUrl, `CREATE DATABASE ${name}`);
    },
    // Autovacuum would get there on its own, but racing it skews the first workloads: right after a
    // bulk load the planner has no statistics and every first read of a row writes its hint bits.
    settle: async () => {
      await adminQuery(url.toString(), "VACUUM ANALYZE");
    },
  };
}

async function adminQuery(url: string, sql: string, parameters: unknown[] = []): Promise<unknown[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql, parameters)).rows;
  } finally {
    await client.end();
  }
}

/** Everything the seeded rows depend on: a new migration may need seeded rows of its own. */
function seedPlan(options: BenchOptions): string {
  const { articles, authors, categories, tags } = options;
  return JSON.stringify({ articles, authors, categories, tags, migrations: migrations.map((migration) => migration.name) });
}

/** Runs `npm run seed`'s compiled CLI, which migrates first and shows a progress bar. */
function seed(url: string, options: BenchOptions): void {
  console.log(`Seeding ${url} with ${options.articles} articles (once; later runs reuse it).`);
  const args = ["--articles", options.articles, "--authors", options.authors, "--categories", options.categories, "--tags", options.tags];
  const result = spawnSync(process.execPath, [SEED_CLI, ...args.map(String)], {
    stdio: "inherit",
    env: { ...process.env, DATABASE_URL: url, LOG_LEVEL: "warn" },
  });
  if (result.status !== 0) throw new Error(`seeding ${url} failed (exit ${result.status})`);
}

/** The marker lives in the bench database itself: a one-row table the application never reads. */
async function readMarker(url: string): Promise<string | null> {
  return withDataSource(url, async (dataSource) => {
    try {
      const rows: { plan: string }[] = await dataSource.query("SELECT plan FROM bench_seed");
      return rows[0]?.plan ?? null;
    } catch {
      return null;
    }
  });
}

async function writeMarker(url: string, plan: string): Promise<void> {
  await withDataSource(url, async (dataSource) => {
    await dataSource.query("DROP TABLE IF EXISTS bench_seed");
    await dataSource.query("CREATE TABLE bench_seed (plan TEXT NOT NULL)");
    // A literal rather than a parameter: placeholders differ between the two dialects.
    await dataSource.query(`INSERT INTO bench_seed (plan) VALUES ('${plan.replaceAll("'", "''")}')`);
  });
}

export async function withDataSource<T>(url: string, use: (dataSource: DataSource) => Promise<T>): Promise<T> {
  const dataSource = await createDataSource(url).initialize();
  try {
    return await use(dataSource);
  } finally {
    await dataSource.destroy();
  }
}
