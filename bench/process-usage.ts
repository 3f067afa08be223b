import { readFileSync, writeFileSync } from "node:fs";

/** Linux's clock ticks per second for /proc/<pid>/stat times (USER_HZ, 100 on every mainstream build). */
const TICKS_PER_SECOND = 100;

/**
 * Linux's peak resident set size of a process (VmHWM), in bytes, or null
 * where /proc does not tell it.
 */
export function peakRss(pid: number): number | null {
  const match = /^VmHWM:\s+(\d+) kB$/m.exec(readProc(pid, "status") ?? "");
  return match ? Number(match[1]) * 1024 : null;
}

/** Starts a new peak from the current RSS (clear_refs "5"), so each run reports its own; a no-op where not allowed. */
export function resetPeakRss(pid: number): void {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, "5");
  } catch {
    // Not Linux, or not permitted: the peak then covers the process's life so far.
  }
}

/** CPU time a process has used, in milliseconds: in its own code (user) and in the kernel on its behalf (system). */
export interface CpuTime {
  userMs: number;
  systemMs: number;
}

/**
 * CPU time the process has used, or null where /proc does not tell it.
 * Unlike req/s, CPU per request does not move when other work on the
 * machine takes the cores away. The system part is what its socket reads
 * and writes really cost: V8's sampling profiler puts several times that
 * share in `writev`, where its samples tend to land.
 */
export function cpuTimeMs(pid: number): CpuTime | null {
  const stat = readProc(pid, "stat");
  if (!stat) return null;
  // Fields after the parenthesised command name, which may itself hold spaces: utime and stime are the 12th and 13th.
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return { userMs: (Number(fields[11]) * 1000) / TICKS_PER_SECOND, systemMs: (Number(fields[12]) * 1000) / TICKS_PER_SECOND };
}

function readProc(pid: number, file: string): string | null {
  try {
    return readFileSync(`/proc/${pid}/${file}`, "utf8");
  } catch {
    return null;
  }
}
