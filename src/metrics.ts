import { Counter, Histogram, Registry, collectDefaultMetrics } from "prom-client";

/**
 * The process's Prometheus metrics. One registry per process: every server
 * and data source created in it reports here, which is what `/metrics` shows.
 */
export const metricsRegistry = new Registry();
collectDefaultMetrics({ register: metricsRegistry });

export const dbQueriesTotal = new Counter({
  name: "db_queries_total",
  help: "SQL statements sent to the database.",
  registers: [metricsRegistry],
});

export const graphqlRequestsTotal = new Counter({
  name: "graphql_requests_total",
  help: "GraphQL operations answered, by operation name and outcome.",
  labelNames: ["operation", "outcome"] as const,
  registers: [metricsRegistry],
});

export const graphqlRequestDuration = new Histogram({
  name: "graphql_request_duration_seconds",
  help: "Time from receiving a GraphQL operation to sending its answer.",
  labelNames: ["operation"] as const,
  buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
  registers: [metricsRegistry],
});

export const responseCacheHits = new Counter({
  name: "response_cache_hits_total",
  help: "Anonymous GraphQL requests answered from the response cache, without parsing or SQL.",
  registers: [metricsRegistry],
});

export const responseCacheMisses = new Counter({
  name: "response_cache_misses_total",
  help: "Anonymous GraphQL requests the response cache could not answer (they execute, and a shareable answer is kept).",
  registers: [metricsRegistry],
});

export const fragmentCacheHits = new Counter({
  name: "fragment_cache_hits_total",
  help: "Parts of answers (related-articles rankings) read from the response cache's store instead of computed.",
  registers: [metricsRegistry],
});

export const fragmentCacheMisses = new Counter({
  name: "fragment_cache_misses_total",
  help: "Parts of answers (related-articles rankings) the response cache's store did not hold: computed, and kept when they may be.",
  registers: [metricsRegistry],
});

export const responseCachePurgeFailures = new Counter({
  name: "response_cache_purge_failures_total",
  help: "Purges of the response cache that failed (Redis unreachable): the answers they should have dropped expire with their TTL.",
  registers: [metricsRegistry],
});
