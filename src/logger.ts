import pino from "pino";
import pretty from "pino-pretty";
import type { LogFormat } from "./config";

export type Logger = pino.Logger;

export interface LoggerOptions {
  /** Fields added to every line: tracing's trace_id and span_id when it is on. */
  fields?: () => Record<string, unknown>;
  /** Where lines go (stdout when not given). */
  destination?: pino.DestinationStream;
  /** `pretty` for pino-pretty's readable lines, `json` for log collectors; not given: pretty when stdout is a terminal. */
  format?: LogFormat;
}

export function createLogger(level: string, { fields, destination, format }: LoggerOptions = {}): Logger {
  const options: pino.LoggerOptions = { level, base: undefined, ...(fields && { mixin: fields }) };
  if (destination) return pino(options, destination);
  const readable = format === "pretty" || (format === undefined && process.stdout.isTTY === true);
  if (!readable) return pino(options);
  return pino(options, pretty({ sync: true, colorize: process.stdout.isTTY === true, ignore: "pid,hostname" }));
}
