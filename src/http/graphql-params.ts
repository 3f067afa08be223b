import { createHash } from "node:crypto";
import { FastifyRequest } from "fastify";

export const GRAPHQL_PATH = "/graphql";

/** What a GET or POST to /graphql asks for, read before Apollo parses anything; Apollo itself refuses malformed parts. */
export interface GraphQLParams {
  query?: string;
  operationName?: string;
  variables?: unknown;
  /** `extensions.persistedQuery.sha256Hash` of an Automatic Persisted Query. */
  persistedHash?: string;
}

const SHA256_HEX = /^[0-9a-f]{64}$/;

/** Read once per request: the limits, the safelist and the response cache all ask. */
const paramsOfRequest = new WeakMap<FastifyRequest, GraphQLParams | undefined>();

/** The parameters of a request to the GraphQL route; undefined for other routes and for batches or malformed bodies. */
export function graphqlParamsOf(request: FastifyRequest): GraphQLParams | undefined {
  if (!paramsOfRequest.has(request)) paramsOfRequest.set(request, readParams(request));
  return paramsOfRequest.get(request);
}

function readParams(request: FastifyRequest): GraphQLParams | undefined {
  if (request.routeOptions.url !== GRAPHQL_PATH) return undefined;
  const get = request.method === "GET";
  const source = (get ? request.query : request.body) as Record<string, unknown> | undefined;
  if (typeof source !== "object" || source === null || Array.isArray(source)) return undefined;
  const extensions = get ? parseJson(source.extensions) : source.extensions;
  const hash = (extensions as { persistedQuery?: { sha256Hash?: unknown } } | undefined)?.persistedQuery?.sha256Hash;
  return {
    query: typeof source.query === "string" ? source.query : undefined,
    operationName: typeof source.operationName === "string" ? source.operationName : undefined,
    variables: get ? parseJson(source.variables) : source.variables,
    persistedHash: typeof hash === "string" && SHA256_HEX.test(hash) ? hash : undefined,
  };
}

function parseJson(raw: unknown): unknown {
  if (typeof raw !== "string") return undefined;
  try {
    return JSON.parse(raw);
  } catch {
    return undefined;
  }
}

/** The sha256 of a query text as APQ and the manifest name it. */
export function queryHash(query: string): string {
  return createHash("sha256").update(query).digest("hex");
}

/**
 * The hash naming the operation: of the text when it is sent, else the APQ
 * hash; undefined when neither is sent, or when they disagree (Apollo refuses that).
 */
export function operationHashOf(params: GraphQLParams): string | undefined {
  if (params.query === undefined) return params.persistedHash;
  const hash = queryHash(params.query);
  return params.persistedHash === undefined || params.persistedHash === hash ? hash : undefined;
}
