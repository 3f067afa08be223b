import pino from "pino";
import pretty from "pino-pretty";
import type { LogFormat } from "./config";

export type Logger = pino.Logger;

/**
 * JSON lines for log collectors; pino-pretty's readable lines when asked for,
 * or, when not told, when a person is watching (stdout is a terminal).
 */
export function createLogger(level: string, format?: LogFormat): Logger {
  const readable = format === "pretty" || (format === undefined && process.stdout.isTTY === true);
  if (!readable) return pino({ level, base: undefined });
  return pino({ level, base: undefined }, pretty({ sync: true, colorize: process.stdout.isTTY === true, ignore: "pid,hostname" }));
}
