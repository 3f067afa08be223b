export { DEFAULT_TRACING, Tracing, TracingOptions, startTracing } from "./tracing";
export { traceIdsOf } from "./log-trace-ids";
export { ATTR_GRAPHQL_ERROR_CODES, ATTR_GRAPHQL_OPERATION_COST } from "./operation-spans";
