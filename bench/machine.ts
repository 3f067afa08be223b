import { availableParallelism, cpus, totalmem } from "node:os";

/** What the figures were measured on: they compare only within one run on one machine. */
export interface Machine {
  cores: number;
  memoryGiB: number;
  cpu: string;
  node: string;
}

export function describeMachine(): Machine {
  return {
    cores: availableParallelism(),
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    cpu: cpus()[0]?.model ?? "unknown",
    node: process.version,
  };
}
