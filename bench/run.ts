import { writeFileSync } from "node:fs";
import { differenceFrom, fetchAnswer } from "./answers";
import { ChildServer, ChildSpec, startChild } from "./child-server";
import { drive } from "./load";
import { removeBenchWrites } from "./bench-writes";
import { bodiesFor, measure, Measurement, RunningTarget } from "./measure";
import { BenchOptions } from "./options";
import { installPostgraphile } from "./baselines/postgraphile-install";
import { postgraphileDifference, postgraphileWorkload } from "./postgraphile";
import { floorSpec, limitSpec, postgraphileSpec, serverSpec } from "./targets";
import { Workload, bodiesOf } from "./workloads";

/** The limit server's answers, rewritten by every run (bench/results/*.json is not committed). */
const LIMIT_RESPONSES_FILE = "bench/results/limit-responses.json";

export interface BenchRun {
  measurements: Measurement[];
  /** Baselines left out of a workload, and why. */
  notes: string[];
}

/**
 * Starts the server, the variant if asked for, and the three baselines on
 * `databaseUrl` (on PostgreSQL, with W1 or W2 asked for, PostGraphile too),
 * checks that each answers each workload as the server does (the limit does
 * by construction), and measures every workload on every target that does.
 * Stops them all, whatever happens.
 */
export async function runBench(options: BenchOptions, databaseUrl: string, workloads: Workload[]): Promise<BenchRun> {
  const children: ChildServer[] = [];
  const start = async (spec: ChildSpec) => {
    const child = await startChild(spec);
    children.push(child);
    return child;
  };
  try {
    const server = await start(serverSpec("server", databaseUrl, true, options.profile));
    const hasVariant = options.variant !== null || options.variantBuild !== null;
    const variant = hasVariant && (await start(serverSpec("variant", databaseUrl, true, options.profile, options.variant ?? {}, options.variantBuild ?? ".")));
    const naive = await start(serverSpec("naive", databaseUrl, false, false));
    const floor = await start(floorSpec(databaseUrl));
    const comparesPostgraphile = options.db === "postgres" && workloads.some((workload) => postgraphileWorkload(workload) !== null);
    if (comparesPostgraphile) installPostgraphile();
    const postgraphile = comparesPostgraphile && (await start(postgraphileSpec(databaseUrl)));
    const baselines = [...(variant ? [variant] : []), naive, floor, ...(postgraphile ? [postgraphile] : [])];
    const { answers, leftOut, notes } = await referenceAnswers(workloads, server, baselines);
    writeFileSync(LIMIT_RESPONSES_FILE, JSON.stringify([...answers]));
    const limit = await start(limitSpec(LIMIT_RESPONSES_FILE));
    const targets: RunningTarget[] = [
      { name: "server", server, countsQueries: true },
      ...(variant ? [{ name: "variant" as const, server: variant, countsQueries: true }] : []),
      { name: "naive", server: naive, countsQueries: true },
      { name: "floor", server: floor, countsQueries: false },
      { name: "limit", server: limit, countsQueries: false },
      // Only the workloads it has a version of are left in for it: see referenceAnswers.
      ...(postgraphile
        ? [{ name: "postgraphile" as const, server: postgraphile, countsQueries: true, translate: (workload: Workload) => postgraphileWorkload(workload)! }]
        : []),
    ];
    const targetsOf = (workload: Workload) => targets.filter((target) => !leftOut.has(`${workload.name} ${target.name}`));
    const restore = (workload: Workload) => (workload.writes ? removeBenchWrites(databaseUrl) : Promise.resolve());
    return { measurements: await runRounds(options, workloads, targetsOf, restore), notes };
  } finally {
    for (const child of children.reverse()) await child.stop();
  }
}

/**
 * The server's answer to each request body (a mix's write included: it
 * writes once more), and the baselines that answer a workload otherwise
 * ("W4 floor"), which would measure something else: the floor has no write
 * path, so it sits out the mixes that write; PostGraphile's answers have
 * its own schema's shape, so its content is compared instead (see
 * postgraphileDifference), and it sits out the workloads it has no version of.
 */
async function referenceAnswers(workloads: Workload[], server: ChildServer, baselines: ChildServer[]) {
  const answers = new Map<string, string>();
  const leftOut = new Set<string>();
  const notes: string[] = [];
  for (const workload of workloads) {
    for (const body of new Set(bodiesOf(workload))) answers.set(body, await fetchAnswer(server, { ...workload, body }));
    for (const baseline of baselines) {
      if (workload.writes && baseline.name === "floor") {
        notes.push(`floor left out of ${workload.name}: it has no write path`);
        leftOut.add(`${workload.name} floor`);
        continue;
      }
      const reference = answers.get(workload.body)!;
      const difference =
        baseline.name === "postgraphile" ? await postgraphileDifference(reference, baseline, workload) : await differenceFrom(reference, baseline, workload);
      if (difference === null) continue;
      notes.push(`${baseline.name} left out of ${workload.name}: ${difference}`);
      leftOut.add(`${workload.name} ${baseline.name}`);
    }
  }
  return { answers, leftOut, notes };
}

/**
 * Warms every target up on every workload, then runs the rounds, interleaved
 * so that drift hits all targets alike; `restore` puts the bench database
 * back before each run of a workload that writes.
 */
async function runRounds(
  options: BenchOptions,
  workloads: Workload[],
  targetsOf: (workload: Workload) => RunningTarget[],
  restore: (workload: Workload) => Promise<void>,
): Promise<Measurement[]> {
  const { duration, rounds, connections } = options;
  for (const workload of workloads) {
    for (const target of targetsOf(workload)) {
      await restore(workload);
      await warmUp(target, workload, options);
    }
  }
  const measurements: Measurement[] = [];
  for (let round = 1; round <= rounds; round++) {
    for (const workload of workloads) {
      for (const target of rotated(targetsOf(workload), round - 1)) {
        await restore(workload);
        const m = await measure(target, workload, round, duration, connections);
        measurements.push(m);
        console.error(`round ${round}/${rounds} ${workload.name} ${target.name.padEnd(12)} ${m.requestsPerSecond.toFixed(0).padStart(6)} req/s`);
      }
    }
  }
  return measurements;
}

/** Seconds of each stretch of a warm-up: its answers are counted between them. */
const WARMUP_STRETCH = 2;

/** Drives `target` with `workload` until it has answered `warmupRequests` of it, or for `warmup` seconds if it is slower. */
async function warmUp(target: RunningTarget, workload: Workload, { warmupRequests, warmup, connections }: BenchOptions): Promise<void> {
  let answered = 0;
  for (let elapsed = 0; answered < warmupRequests && elapsed < warmup; elapsed += WARMUP_STRETCH) {
    const seconds = Math.min(WARMUP_STRETCH, warmup - elapsed);
    answered += (await drive({ url: `${target.server.baseUrl}/graphql`, bodies: bodiesFor(target, workload), seconds, connections })).requests;
  }
}

/**
 * `targets` starting from the `by`-th: each round starts from the next
 * target, so that each takes every place in turn. The first place of a
 * round measured a few percent slower than the others with identical code.
 */
function rotated<T>(targets: T[], by: number): T[] {
  const start = by % targets.length;
  return [...targets.slice(start), ...targets.slice(0, start)];
}
