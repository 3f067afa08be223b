import { parseArgs } from "node:util";

export type StoreKind = "sqlite" | "postgres";

/** What `npm run bench` was asked to do; every figure in the report says under which options. */
export interface BenchOptions {
  db: StoreKind;
  articles: number;
  authors: number;
  categories: number;
  tags: number;
  /**
   * Requests each target answers of each workload before its measured
   * rounds: V8 keeps optimizing a server's per-request code over its first
   * thousands of requests, and a round measured before then measures that.
   */
  warmupRequests: number;
  /** The most seconds a warm-up lasts, whatever it reached by then (a slow target's). */
  warmup: number;
  /** Seconds of each measured run. */
  duration: number;
  rounds: number;
  connections: number;
  /** Workload names to run (all when empty). */
  workloads: string[];
  /** Write a V8 CPU profile of the server child to bench/results/profiles/. */
  profile: boolean;
  /**
   * Environment for a second server, "variant", run beside the first to try
   * a lever (NODE_OPTIONS=…, a pool size…) in the same run; null for none.
   */
  variant: Record<string, string> | null;
  /**
   * Another checkout, already built (`npx tsc -p .`), whose server the
   * variant runs instead of this one's: a change measured against the
   * commit before it, in the same run. Null for this build.
   */
  variantBuild: string | null;
  quick: boolean;
}

export const USAGE =
  "Usage: npm run bench -- [--db sqlite|postgres] [--articles N] [--quick] [--duration S] [--rounds N]\n" +
  "                        [--connections N] [--warmup-requests N] [--warmup S] [--workloads W1,W2] [--profile]\n" +
  "                        [--variant NAME=VALUE ...] [--variant-build DIR]\n" +
  "Seeds (or reuses) a bench database, starts the server in production mode beside three baselines\n" +
  "(the limit, the in-memory graphql-js floor, the naive build without batching; on PostgreSQL,\n" +
  "PostGraphile 5 for W1 and W2 too), warms each up on every workload (--warmup-requests answers,\n" +
  "at most --warmup seconds) and drives every workload against each for a fixed time,\n" +
  "several rounds, reporting the median. PostgreSQL runs on the server of BENCH_DATABASE_URL\n" +
  "(default postgres://root@127.0.0.1:5432/test).";

/**
 * A fresh server's CPU per request halves over its first ~8,000 requests
 * (V8 optimizing code that runs once a request): 10,000 answers of each
 * workload, on every target alike, reach its steady state.
 */
const WARMUP_REQUESTS = 10_000;
const FULL = { articles: 100_000, warmupRequests: WARMUP_REQUESTS, warmup: 60, duration: 8, rounds: 3 };
/** Small data and short runs: the whole bench in a few minutes. */
const QUICK = { articles: 5_000, warmupRequests: WARMUP_REQUESTS, warmup: 60, duration: 2, rounds: 2 };

export class UsageError extends Error {}

/** Runs a bench command: a UsageError prints one line and the usage, exit code 2; anything else its stack, exit code 1. */
export function runCommand(main: () => Promise<void>, usage: string): void {
  main().catch((error: unknown) => {
    if (error instanceof UsageError) {
      console.error(`${error.message}\n\n${usage}`);
      process.exitCode = 2;
      return;
    }
    console.error(error);
    process.exitCode = 1;
  });
}

export function parseBenchOptions(argv: string[]): BenchOptions {
  const values = parseFlags(argv);
  const preset = values.quick ? QUICK : FULL;
  const db = values.db ?? "sqlite";
  if (db !== "sqlite" && db !== "postgres") throw new UsageError(`--db must be sqlite or postgres, got "${db}".`);
  const articles = positive(values.articles, "--articles") ?? preset.articles;
  return {
    db,
    articles,
    // The shape at 100k articles (1,000 authors, 50 sections, 500 tags), fewer authors for small runs.
    authors: Math.min(1000, Math.max(20, Math.round(articles / 100))),
    categories: 50,
    tags: 500,
    warmupRequests: positive(values["warmup-requests"], "--warmup-requests") ?? preset.warmupRequests,
    warmup: positive(values.warmup, "--warmup") ?? preset.warmup,
    duration: positive(values.duration, "--duration") ?? preset.duration,
    rounds: positive(values.rounds, "--rounds") ?? preset.rounds,
    connections: positive(values.connections, "--connections") ?? 10,
    workloads: values.workloads ? values.workloads.split(",").map((name) => name.trim().toUpperCase()) : [],
    profile: values.profile ?? false,
    variant: values.variant ? Object.fromEntries(values.variant.map(assignment)) : null,
    variantBuild: values["variant-build"] ?? null,
    quick: values.quick ?? false,
  };
}

function parseFlags(argv: string[]) {
  const text = { type: "string" } as const;
  const flag = { type: "boolean" } as const;
  try {
    return parseArgs({
      args: argv,
      options: {
        db: text,
        articles: text,
        duration: text,
        rounds: text,
        connections: text,
        warmup: text,
        "warmup-requests": text,
        workloads: text,
        quick: flag,
        profile: flag,
        variant: { type: "string", multiple: true },
        "variant-build": text,
      },
    }).values;
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

function assignment(raw: string): [string, string] {
  const match = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(raw);
  if (!match) throw new UsageError(`--variant takes NAME=VALUE, got "${raw}".`);
  return [match[1], match[2]];
}

function positive(raw: string | undefined, flag: string): number | undefined {
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || !Number.isSafeInteger(value) || value < 1) {
    throw new UsageError(`${flag} must be a positive integer, got "${raw}".`);
  }
  return value;
}
