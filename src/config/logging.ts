import { parseChoice } from "./parse";

const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;

export type LogFormat = "json" | "pretty";

export function parseLogLevel(env: NodeJS.ProcessEnv): string {
  return parseChoice("LOG_LEVEL", env.LOG_LEVEL, LOG_LEVELS, "info");
}

/** Unset: undefined, and the logger picks pretty when stdout is a terminal. */
export function parseLogFormat(env: NodeJS.ProcessEnv): LogFormat | undefined {
  return env.LOG_FORMAT ? parseChoice("LOG_FORMAT", env.LOG_FORMAT, ["json", "pretty"] as const, "json") : undefined;
}
