import { ApolloServerPlugin } from "@apollo/server";
import { SpanStatusCode } from "@opentelemetry/api";
import { RequestContext } from "../shared/request-context";
import { operationCost } from "../http/limits/query-cost";
import { activeOperationSpan } from "./request-spans";

/** From the incubating GraphQL semantic conventions (copied, as their package advises for incubating names). */
const ATTR_GRAPHQL_OPERATION_NAME = "graphql.operation.name";
const ATTR_GRAPHQL_OPERATION_TYPE = "graphql.operation.type";
/** The operation's cost as `extensions.cost.requested` reports it (see `query-cost.ts`). */
const ATTR_GRAPHQL_OPERATION_COST = "broadsheet.graphql.cost";
/** The `extensions.code` of every error the answer carries, e.g. ["QUERY_TOO_COSTLY"]. */
const ATTR_GRAPHQL_ERROR_CODES = "broadsheet.graphql.error_codes";

/**
 * Names the operation span of the request (`query ArticlePage`) and records
 * the operation's type, name and cost, and the error codes of its answer.
 * Operations that arrive without a traced HTTP request (subscriptions over
 * WebSocket) get no span.
 */
export function operationSpans(): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      const span = activeOperationSpan();
      if (!span) return;
      return {
        async didResolveOperation({ request, document, schema, operation, operationName }) {
          if (!operation) return;
          span.updateName(operationName ? `${operation.operation} ${operationName}` : operation.operation);
          span.setAttribute(ATTR_GRAPHQL_OPERATION_TYPE, operation.operation);
          if (operationName) span.setAttribute(ATTR_GRAPHQL_OPERATION_NAME, operationName);
          // Computed by the cost limit already and kept per document: this is a lookup.
          const cost = operationCost(schema, document, request.variables, request.operationName);
          if (cost !== undefined && Number.isFinite(cost)) span.setAttribute(ATTR_GRAPHQL_OPERATION_COST, cost);
        },
        async willSendResponse({ response }) {
          const errors = response.body.kind === "single" ? response.body.singleResult.errors : undefined;
          if (!errors?.length) return;
          span.setAttribute(
            ATTR_GRAPHQL_ERROR_CODES,
            errors.map((error) => String(error.extensions?.code ?? "UNKNOWN")),
          );
          span.setStatus({ code: SpanStatusCode.ERROR });
        },
      };
    },
  };
}
