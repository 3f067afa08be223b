import { context, trace } from "@opentelemetry/api";

/**
 * pino's `mixin`: the trace and span of the active context, in the field
 * names OpenTelemetry's log data model uses, so a log line leads to its
 * trace. Nothing outside a traced request.
 */
export function traceIdsOf(): { trace_id?: string; span_id?: string; trace_flags?: string } {
  const span = trace.getSpan(context.active());
  if (!span) return {};
  const { traceId, spanId, traceFlags } = span.spanContext();
  return { trace_id: traceId, span_id: spanId, trace_flags: `0${traceFlags.toString(16)}` };
}
