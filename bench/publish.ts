import { mkdirSync, writeFileSync } from "node:fs";
import { describeMachine } from "./machine";
import { BenchOptions } from "./options";
import { figuresTable, ratios, ratiosTable, summarize } from "./report";
import { BenchRun } from "./run";
import { TARGET_TITLES } from "./targets";
import { Workload } from "./workloads";

const RESULTS_FILE = "bench/results/latest.json";

export interface Published {
  command: string;
  options: BenchOptions;
  databaseUrl: string;
  workloads: Workload[];
  run: BenchRun;
}

/** Prints the tables (what BENCHMARKS.md quotes) and writes every figure, each run included, to bench/results/latest.json. */
export function publish({ command, options, databaseUrl, workloads, run }: Published): void {
  const summaries = summarize(run.measurements);
  const allRatios = ratios(summaries);
  const serverRate = (name: string) => summaries.find((s) => s.workload === name && s.target === "server")?.requestsPerSecond;
  const [w1, w3] = [serverRate("W1"), serverRate("W3")];
  const deepCost = w1 && w3 ? w1 / w3 : null;
  const machine = describeMachine();
  const titles = new Map(workloads.map((workload) => [workload.name, workload.title]));
  const { db, articles, warmupRequests, warmup, rounds, duration, connections, variant, variantBuild } = options;
  console.log(
    [
      "",
      `${command}  (${db}, ${articles} articles; warm-up ${warmupRequests} requests or ${warmup}s; ${rounds} round${rounds === 1 ? "" : "s"} of ${duration}s, ${connections} connections, median)`,
      ...(variant
        ? [
            `variant: ${Object.entries(variant)
              .map(([name, value]) => `${name}=${value}`)
              .join(" ")}`,
          ]
        : []),
      ...(variantBuild ? [`variant build: ${variantBuild}`] : []),
      `${machine.cores} cores, ${machine.memoryGiB} GiB, ${machine.cpu}, Node.js ${machine.node}`,
      "",
      figuresTable(summaries, titles),
      "",
      ratiosTable(allRatios, deepCost),
      "",
      ...Object.entries(TARGET_TITLES)
        .filter(([name]) => summaries.some((s) => s.target === name))
        .map(([name, title]) => `${name}: ${title}`),
      ...run.notes.map((note) => `note: ${note}`),
    ].join("\n"),
  );
  mkdirSync("bench/results", { recursive: true });
  const result = {
    date: new Date().toISOString(),
    command,
    machine,
    options,
    databaseUrl,
    workloads,
    notes: run.notes,
    summaries,
    ratios: allRatios,
    deepCost,
    measurements: run.measurements,
  };
  writeFileSync(RESULTS_FILE, JSON.stringify(result, null, 2) + "\n");
  console.log(`\nWrote ${RESULTS_FILE}.`);
}
