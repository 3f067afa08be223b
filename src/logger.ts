import pino from "pino";

export type Logger = pino.Logger;

export interface LoggerOptions {
  /** Fields added to every line: tracing's trace_id and span_id when it is on. */
  fields?: () => Record<string, unknown>;
  /** Where lines go (stdout when not given). */
  destination?: pino.DestinationStream;
}

export function createLogger(level: string, { fields, destination }: LoggerOptions = {}): Logger {
  const options: pino.LoggerOptions = { level, base: undefined, ...(fields && { mixin: fields }) };
  return destination ? pino(options, destination) : pino(options);
}
