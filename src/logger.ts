import pino from "pino";
import { traceIdsOf } from "./telemetry";

export type Logger = pino.Logger;

export interface LoggerOptions {
  /** Every line logged inside a traced request carries its trace_id and span_id: on when tracing is. */
  traceIds?: boolean;
  /** Where lines go (stdout when not given). */
  destination?: pino.DestinationStream;
}

export function createLogger(level: string, { traceIds = false, destination }: LoggerOptions = {}): Logger {
  const options: pino.LoggerOptions = { level, base: undefined, ...(traceIds && { mixin: traceIdsOf }) };
  return destination ? pino(options, destination) : pino(options);
}
