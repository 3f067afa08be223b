import { Measurement } from "./measure";
import { TargetName } from "./targets";

/** The median of each figure over a workload's rounds on one target (peak RSS: the highest). */
export interface Summary {
  workload: string;
  target: TargetName;
  node: string;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  statementsPerRequest: number | null;
  peakRssBytes: number | null;
  cpuMsPerRequest: number | null;
  kernelShare: number | null;
  failures: number;
}

/** Each server figure as a ratio to the baselines measured beside it, the yardsticks. */
export interface Ratios {
  workload: string;
  /** Fraction of (a), the limit. */
  ofLimit: number | null;
  /** Fraction of (b), the in-memory floor. */
  ofFloor: number | null;
  /** Multiple of (c), the naive build. */
  overNaive: number | null;
  /** The variant's req/s over the server's, when a variant ran. */
  variantOverServer: number | null;
  /** Multiple of PostGraphile 5 (issue 7's target: at least 1 on W1 and W2), when it ran the workload. */
  overPostgraphile: number | null;
}

export function summarize(measurements: Measurement[]): Summary[] {
  const groups = new Map<string, Measurement[]>();
  for (const m of measurements) {
    const key = `${m.workload}\u0000${m.target}`;
    groups.set(key, [...(groups.get(key) ?? []), m]);
  }
  return [...groups.values()].map((runs) => ({
    workload: runs[0].workload,
    target: runs[0].target,
    node: runs[0].node,
    requestsPerSecond: median(runs.map((run) => run.requestsPerSecond)),
    p50: median(runs.map((run) => run.p50)),
    p99: median(runs.map((run) => run.p99)),
    statementsPerRequest: medianOrNull(runs.map((run) => run.statementsPerRequest)),
    cpuMsPerRequest: medianOrNull(runs.map((run) => run.cpuMsPerRequest)),
    kernelShare: medianOrNull(runs.map((run) => run.kernelShare)),
    peakRssBytes: runs[0].peakRssBytes === null ? null : Math.max(...runs.map((run) => run.peakRssBytes!)),
    failures: runs.reduce((sum, run) => sum + run.failures, 0),
  }));
}

export function ratios(summaries: Summary[]): Ratios[] {
  const rate = (workload: string, target: TargetName) => summaries.find((s) => s.workload === workload && s.target === target)?.requestsPerSecond ?? null;
  const workloads = [...new Set(summaries.map((s) => s.workload))];
  return workloads.map((workload) => {
    const server = rate(workload, "server")!;
    const divide = (other: number | null) => (other === null ? null : server / other);
    const variant = rate(workload, "variant");
    return {
      workload,
      ofLimit: divide(rate(workload, "limit")),
      ofFloor: divide(rate(workload, "floor")),
      overNaive: divide(rate(workload, "naive")),
      variantOverServer: variant === null ? null : variant / server,
      overPostgraphile: divide(rate(workload, "postgraphile")),
    };
  });
}

function medianOrNull(values: (number | null)[]): number | null {
  return values.includes(null) ? null : median(values as number[]);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** The figures as a Markdown table: what the terminal shows and BENCHMARKS.md quotes. */
export function figuresTable(summaries: Summary[], titles: Map<string, string>): string {
  const rows = summaries.map((s) => [
    `${s.workload} ${titles.get(s.workload) ?? ""}`.trim(),
    s.target,
    s.node,
    s.requestsPerSecond.toFixed(0),
    s.p50.toFixed(1),
    s.p99.toFixed(1),
    s.statementsPerRequest === null ? "" : s.statementsPerRequest.toFixed(1),
    s.cpuMsPerRequest === null ? "" : s.cpuMsPerRequest.toFixed(2),
    s.kernelShare === null ? "" : `${(s.kernelShare * 100).toFixed(0)}%`,
    s.peakRssBytes === null ? "" : (s.peakRssBytes / 2 ** 20).toFixed(0),
    s.failures === 0 ? "" : String(s.failures),
  ]);
  return markdownTable(["workload", "target", "node", "req/s", "p50 ms", "p99 ms", "SQL/req", "CPU ms/req", "kernel", "peak RSS MB", "failures"], rows);
}

/** `deepCost`: W1's req/s over W3's, how much dearer the deep page is than page 1 (the target is at most 1.2). */
export function ratiosTable(all: Ratios[], deepCost: number | null): string {
  const percent = (value: number | null) => (value === null ? "" : `${(value * 100).toFixed(1)}%`);
  const times = (value: number | null) => (value === null ? "" : `${value.toFixed(2)}×`);
  const withVariant = all.some((r) => r.variantOverServer !== null);
  const withPostgraphile = all.some((r) => r.overPostgraphile !== null);
  const rows = all.map((r) => [
    r.workload,
    percent(r.ofLimit),
    percent(r.ofFloor),
    times(r.overNaive),
    ...(withVariant ? [times(r.variantOverServer)] : []),
    ...(withPostgraphile ? [times(r.overPostgraphile)] : []),
  ]);
  const header = [
    "workload",
    "server / limit (a)",
    "server / floor (b)",
    "server / naive (c)",
    ...(withVariant ? ["variant / server"] : []),
    ...(withPostgraphile ? ["server / PostGraphile"] : []),
  ];
  const table = markdownTable(header, rows);
  return deepCost === null ? table : `${table}\n\nW3 (deep page) against W1 (page 1), server req/s: W1 / W3 = ${deepCost.toFixed(2)}×`;
}

function markdownTable(header: string[], rows: string[][]): string {
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column].length)));
  const line = (cells: string[]) => `| ${cells.map((cell, column) => cell.padEnd(widths[column])).join(" | ")} |`;
  return [line(header), line(widths.map((width) => "-".repeat(width))), ...rows.map(line)].join("\n");
}
