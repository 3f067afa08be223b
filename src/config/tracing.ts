import { parseHttpUrl } from "./parse";

/** OTEL_*: tracing is on only when an OTLP endpoint is set. */
export interface TracingOptions {
  /** OTEL_EXPORTER_OTLP_ENDPOINT, e.g. http://collector:4318; spans go to its /v1/traces over HTTP (protobuf). */
  endpoint?: string;
  /** OTEL_SERVICE_NAME: how the tracing system names this service. */
  serviceName: string;
}

export const DEFAULT_TRACING: TracingOptions = { serviceName: "broadsheet" };

export function loadTracing(env: NodeJS.ProcessEnv): TracingOptions {
  return {
    endpoint: parseHttpUrl("OTEL_EXPORTER_OTLP_ENDPOINT", env.OTEL_EXPORTER_OTLP_ENDPOINT),
    serviceName: env.OTEL_SERVICE_NAME || DEFAULT_TRACING.serviceName,
  };
}
