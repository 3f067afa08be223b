import { ChildServer } from "./child-server";
import { drive, LoadResult } from "./load";
import { cpuTimeMs, peakRss, resetPeakRss } from "./process-usage";
import { TargetName } from "./targets";
import { Workload, bodiesOf } from "./workloads";

export interface RunningTarget {
  name: TargetName;
  server: ChildServer;
  /** Serves /metrics with db_queries_total (the server, the naive build and PostGraphile). */
  countsQueries: boolean;
  /** The workload as this target is asked it, when its schema names the same reads otherwise (PostGraphile). */
  translate?: (workload: Workload) => Workload;
}

/** What `target` is sent for `workload`. */
export function bodiesFor(target: RunningTarget, workload: Workload): string[] {
  return bodiesOf(target.translate ? target.translate(workload) : workload);
}

export interface Measurement extends LoadResult {
  workload: string;
  target: TargetName;
  /** The Node.js version the target ran on. */
  node: string;
  round: number;
  /** db_queries_total's growth over the run, once the server is idle again, divided by the requests sent. */
  statementsPerRequest: number | null;
  /** The target process's peak RSS during this run. */
  peakRssBytes: number | null;
  /** The target process's CPU time (user + system) over the run divided by the requests sent. */
  cpuMsPerRequest: number | null;
  /** The share of that CPU time spent in the kernel (system time): socket reads and writes, mostly. */
  kernelShare: number | null;
}

/** One fixed-time run, with the SQL statements it caused and the memory it peaked at. */
export async function measure(target: RunningTarget, workload: Workload, round: number, seconds: number, connections: number): Promise<Measurement> {
  resetPeakRss(target.server.pid);
  const queriesBefore = target.countsQueries ? await queriesSent(target.server.baseUrl) : 0;
  const cpuBefore = cpuTimeMs(target.server.pid);
  const load = await drive({ url: `${target.server.baseUrl}/graphql`, bodies: bodiesFor(target, workload), seconds, connections });
  const queries = target.countsQueries ? (await settledQueriesSent(target.server.baseUrl)) - queriesBefore : null;
  const cpuAfter = cpuTimeMs(target.server.pid);
  const perRequest = (total: number | null) => (total === null || load.sent === 0 ? null : total / load.sent);
  const cpu = cpuBefore === null || cpuAfter === null ? null : { userMs: cpuAfter.userMs - cpuBefore.userMs, systemMs: cpuAfter.systemMs - cpuBefore.systemMs };
  const cpuMs = cpu === null ? null : cpu.userMs + cpu.systemMs;
  return {
    ...load,
    workload: workload.name,
    target: target.name,
    node: target.server.node,
    round,
    statementsPerRequest: perRequest(queries),
    peakRssBytes: peakRss(target.server.pid),
    cpuMsPerRequest: perRequest(cpuMs),
    kernelShare: cpu === null || cpuMs === 0 ? null : cpu.systemMs / cpuMs!,
  };
}

const SETTLE_MS = 100;

/** `db_queries_total` once it has stopped growing: the requests still in flight when a run stops have finished. */
async function settledQueriesSent(baseUrl: string): Promise<number> {
  let previous = await queriesSent(baseUrl);
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
    const current = await queriesSent(baseUrl);
    if (current === previous) return current;
    previous = current;
  }
}

/** `db_queries_total` as the target's /metrics reports it. */
async function queriesSent(baseUrl: string): Promise<number> {
  const text = await (await fetch(`${baseUrl}/metrics`)).text();
  const match = /^db_queries_total (\d+)/m.exec(text);
  if (!match) throw new Error(`db_queries_total missing from ${baseUrl}/metrics`);
  return Number(match[1]);
}
