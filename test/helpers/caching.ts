import { randomUUID } from "node:crypto";
import { CachingOptions, DEFAULT_CACHING } from "../../src/config";
import { REDIS_URL, testRedis } from "./redis";
import { GraphQLResponse, TestServer } from "./test-server";

export type CacheStore = "memory" | "redis";

/**
 * Caching options for a test server: the in-memory stores, or Redis under
 * a key prefix no other server (or other test run on this shared Redis) uses.
 */
export function cachingFor(store: CacheStore, overrides: Partial<CachingOptions> = {}): CachingOptions {
  return {
    ...DEFAULT_CACHING,
    responseCache: store,
    ...(store === "redis" ? { redisUrl: REDIS_URL, keyPrefix: `broadsheet-test:${randomUUID()}:` } : {}),
    ...overrides,
  };
}

/** Removes what a test server wrote under its prefix. */
export async function dropKeys(options: CachingOptions): Promise<void> {
  if (!options.redisUrl) return;
  const redis = testRedis(options.redisUrl);
  const keys = await redis.keys(`${options.keyPrefix}*`);
  if (keys.length > 0) await redis.del(...keys);
  redis.disconnect();
}

export interface GetParams {
  query?: string;
  operationName?: string;
  variables?: Record<string, unknown>;
  extensions?: Record<string, unknown>;
}

/** A GET of /graphql as a CDN forwards it: JSON parameters in the URL, a JSON content type to pass CSRF prevention. */
export async function getGraphql(server: TestServer, params: GetParams, headers: Record<string, string> = {}): Promise<GraphQLResponse> {
  const url = new URL(`${server.baseUrl}/graphql`);
  if (params.query !== undefined) url.searchParams.set("query", params.query);
  if (params.operationName !== undefined) url.searchParams.set("operationName", params.operationName);
  if (params.variables !== undefined) url.searchParams.set("variables", JSON.stringify(params.variables));
  if (params.extensions !== undefined) url.searchParams.set("extensions", JSON.stringify(params.extensions));
  const response = await fetch(url, { headers: { "content-type": "application/json", ...headers } });
  return { status: response.status, headers: response.headers, body: (await response.json()) as GraphQLResponse["body"] };
}

/** A counter of `/metrics`. */
export async function metric(server: TestServer, name: string): Promise<number> {
  const text = await (await fetch(`${server.baseUrl}/metrics`)).text();
  return Number(new RegExp(`^${name} (\\d+)`, "m").exec(text)?.[1] ?? 0);
}
