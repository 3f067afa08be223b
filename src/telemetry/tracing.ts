import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-proto";
import { defaultResource, resourceFromAttributes } from "@opentelemetry/resources";
import { BatchSpanProcessor, NodeTracerProvider, SpanProcessor } from "@opentelemetry/sdk-trace-node";
import { ATTR_SERVICE_NAME } from "@opentelemetry/semantic-conventions";
import { FastifyInstance } from "fastify";
import { DataSource } from "typeorm";
import { nameRequestSpan, traceRequests } from "./request-spans";
import { operationSpans } from "./operation-spans";
import { traceStatements } from "./statement-spans";
import { traceIdsOf } from "./log-trace-ids";
import { TracingOptions } from "../config";

/**
 * What a server instruments when tracing is on: a span per HTTP request,
 * one per GraphQL operation (its name and cost) and one per SQL statement
 * (its shape, never its values), each the child of the one before. When
 * tracing is off there is no `Tracing` at all, so nothing is wrapped.
 */
export interface Tracing {
  /** Spans for the app's HTTP requests (named after their routes) and for the statements they send through `dataSource`. */
  instrument(app: FastifyInstance, dataSource: DataSource): void;
  /** The Apollo plugin that names the operation span and records its cost. */
  readonly operationPlugin: typeof operationSpans;
  /** pino's `mixin`: the trace_id and span_id of the request a line is logged in. */
  readonly logFields: typeof traceIdsOf;
  /** Sends the spans still buffered; `main` calls it last on shutdown. */
  shutdown(): Promise<void>;
}

/**
 * Registers the process's tracer provider (and the context manager and W3C
 * propagator that go with it) and returns what the server instruments with.
 * Once per process: tests pass an in-memory exporter's processor.
 */
export function registerTracing(options: TracingOptions, spanProcessors: SpanProcessor[] = [otlpProcessor(options)]): Tracing {
  const provider = new NodeTracerProvider({
    resource: defaultResource().merge(resourceFromAttributes({ [ATTR_SERVICE_NAME]: options.serviceName })),
    spanProcessors,
  });
  provider.register();
  const tracer = provider.getTracer("broadsheet");
  return {
    instrument: (app, dataSource) => {
      traceRequests(app.server, tracer);
      app.addHook("onRequest", nameRequestSpan);
      traceStatements(dataSource, tracer);
    },
    operationPlugin: operationSpans,
    logFields: traceIdsOf,
    shutdown: () => provider.shutdown(),
  };
}

/** Batches spans to the collector; OTEL_EXPORTER_OTLP_HEADERS (credentials) is read by the exporter itself. */
function otlpProcessor({ endpoint }: TracingOptions): SpanProcessor {
  if (!endpoint) throw new Error("startTracing needs OTEL_EXPORTER_OTLP_ENDPOINT or span processors of its own");
  return new BatchSpanProcessor(new OTLPTraceExporter({ url: `${endpoint.replace(/\/+$/, "")}/v1/traces` }));
}
