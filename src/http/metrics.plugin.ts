import { ApolloServerPlugin } from "@apollo/server";
import { RequestContext } from "../shared/request-context";
import { graphqlRequestDuration, graphqlRequestsTotal } from "../metrics";

const MAX_OPERATION_NAMES = 200;
const OPERATION_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

/**
 * Counts and times every GraphQL operation by name. Names come from clients,
 * so labels are bounded: odd names and names past the first 200 seen are
 * reported as "other", and unnamed operations as "anonymous".
 */
export function metricsPlugin(): ApolloServerPlugin<RequestContext> {
  const seen = new Set<string>();
  const label = (name: string | null | undefined): string => {
    if (!name) return "anonymous";
    if (!OPERATION_NAME.test(name)) return "other";
    if (!seen.has(name) && seen.size >= MAX_OPERATION_NAMES) return "other";
    seen.add(name);
    return name;
  };
  return {
    async requestDidStart() {
      const stopTimer = graphqlRequestDuration.startTimer();
      return {
        async willSendResponse({ request, operationName, response }) {
          const operation = label(operationName ?? request.operationName);
          const failed = response.body.kind === "single" && (response.body.singleResult.errors?.length ?? 0) > 0;
          stopTimer({ operation });
          graphqlRequestsTotal.inc({ operation, outcome: failed ? "error" : "ok" });
        },
      };
    },
  };
}
