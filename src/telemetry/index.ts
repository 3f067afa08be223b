import type { SpanProcessor } from "@opentelemetry/sdk-trace-node";
import type { Tracing } from "./tracing";
import { TracingOptions } from "../config";

export type { Tracing };

/**
 * Registers the process's tracer provider and returns what the server
 * instruments with (see `tracing.ts`). OpenTelemetry's SDK is loaded here,
 * only when tracing is on: a server without it never loads it.
 */
export async function startTracing(options: TracingOptions, spanProcessors?: SpanProcessor[]): Promise<Tracing> {
  const { registerTracing } = await import("./tracing");
  return registerTracing(options, spanProcessors);
}
