import { ApolloServerPlugin } from "@apollo/server";
import { DocumentNode, GraphQLField, GraphQLSchema, getNamedType, isLeafType } from "graphql";
import { ComplexityEstimator, ComplexityEstimatorArgs, getComplexity } from "graphql-query-complexity";
import { RequestContext } from "../../shared/request-context";
import { ErrorCode, LimitExceededError } from "../../shared/errors";
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from "../../shared/pagination/page-request";

/**
 * The cost of an operation, an estimate of the rows it can make the server
 * read and send: a scalar costs nothing, an object 1 plus its selection, and
 * a connection 1 plus its page size (`first`, `last`, or the default 10)
 * times its selection (at least 1 per item). So
 *   articles(first: 100) { nodes { relatedArticles(first: 100) { nodes { title } } } }
 * costs 1 + 100 × (1 + 1 + 100 × 1) = 10,201.
 */
export const connectionAwareCost: ComplexityEstimator = ({ field, args, childComplexity }: ComplexityEstimatorArgs) => {
  if (isLeafType(getNamedType(field.type))) return 0;
  if (!isConnection(field)) return 1 + childComplexity;
  return 1 + pageSize(args) * Math.max(1, childComplexity);
};

/** The page size asked for, within 0..100: a larger one is refused as BAD_USER_INPUT by the resolver, not here. */
function pageSize(args: Record<string, unknown>): number {
  const size = typeof args.first === "number" ? args.first : typeof args.last === "number" ? args.last : DEFAULT_PAGE_SIZE;
  return Math.min(Math.max(0, size), MAX_PAGE_SIZE);
}

function isConnection(field: GraphQLField<unknown, unknown>): boolean {
  return getNamedType(field.type).name.endsWith("Connection");
}

/** Fields after expanding fragments; fragments reused in a tree can multiply them. */
const MAX_QUERY_NODES = 10_000;

/**
 * The cost, or undefined when the variables do not fit the operation: then
 * execution refuses it with a BAD_USER_INPUT error naming the variable. An
 * operation whose fragments expand past MAX_QUERY_NODES costs Infinity.
 */
function measure(compute: () => number): number | undefined {
  try {
    return compute();
  } catch (error) {
    return error instanceof Error && /maximum allowed number of nodes/.test(error.message) ? Infinity : undefined;
  }
}

/** Costs already computed, per parsed document (Apollo keeps one per query text), by operation name and variables. */
const costs = new WeakMap<DocumentNode, Map<string, number | undefined>>();
/** Distinct operation names and variables remembered per document; past it the document's costs start afresh. */
const COSTS_PER_DOCUMENT = 100;
/** Longer variables (a comment body, a search text) are not kept as keys: their cost is computed each time. */
const MAX_KEY_LENGTH = 1024;

/**
 * The cost of the operation, or undefined when its variables do not fit it
 * (execution then names the variable). A repeated request reuses the
 * result of the walk over its document.
 */
export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> | undefined,
  operationName: string | undefined | null,
): number | undefined {
  let byRequest = costs.get(document);
  if (!byRequest) costs.set(document, (byRequest = new Map()));
  const key = JSON.stringify([operationName ?? null, variables ?? null]);
  if (byRequest.has(key)) return byRequest.get(key);
  const cost = measure(() =>
    getComplexity({
      schema,
      query: document,
      variables,
      operationName: operationName ?? undefined,
      estimators: [connectionAwareCost],
      maxQueryNodes: MAX_QUERY_NODES,
    }),
  );
  if (key.length > MAX_KEY_LENGTH) return cost;
  if (byRequest.size >= COSTS_PER_DOCUMENT) byRequest.clear();
  byRequest.set(key, cost);
  return cost;
}

/** QUERY_TOO_COSTLY when `requested` is over `limit`. */
export function costRefusal(requested: number | undefined, limit: number): LimitExceededError | null {
  if (requested === undefined || requested <= limit) return null;
  return new LimitExceededError(ErrorCode.QUERY_TOO_COSTLY, `The operation costs ${requested}; the limit is ${limit}. Ask for smaller pages.`, limit);
}

/**
 * Refuses, before execution, an operation whose cost is over `limit`, and
 * reports every operation's cost in `extensions.cost` so client developers
 * can see how close they are.
 */
export function queryCostPlugin(limit: number): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      let requested: number | undefined;
      return {
        async didResolveOperation({ request, document, schema }) {
          requested = operationCost(schema, document, request.variables, request.operationName);
          const refusal = costRefusal(requested, limit);
          if (refusal) throw refusal;
        },
        async willSendResponse({ response }) {
          if (requested === undefined || response.body.kind !== "single") return;
          response.body.singleResult.extensions = { ...response.body.singleResult.extensions, cost: { requested, limit } };
        },
      };
    },
  };
}
