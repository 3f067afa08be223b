import { ApolloServerPlugin } from "@apollo/server";
import { GraphQLFormattedError } from "graphql";
import { RequestContext } from "../shared/request-context";
import { ErrorCode } from "../shared/errors";

/** Codes that say what happened to the whole request, not to one field. */
const REQUEST_FAULTS = new Set<unknown>([ErrorCode.EXECUTION_TIMEOUT, ErrorCode.DATABASE_UNAVAILABLE]);

/**
 * A timeout or an unreachable database fails every field still waiting for
 * data: the answer keeps the first error of each such code rather than one
 * per field, and a database that cannot be reached makes it a 503, which
 * clients and proxies know to retry, not a 500.
 */
export function faultResponsesPlugin(): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== "single" || !response.body.singleResult.errors) return;
          const result = response.body.singleResult;
          result.errors = firstOfEachFault(result.errors!);
          if (result.errors.some((error) => error.extensions?.code === ErrorCode.DATABASE_UNAVAILABLE)) response.http.status = 503;
        },
      };
    },
  };
}

function firstOfEachFault(errors: readonly GraphQLFormattedError[]): GraphQLFormattedError[] {
  const seen = new Set<unknown>();
  return errors.filter((error) => {
    const code = error.extensions?.code;
    if (!REQUEST_FAULTS.has(code)) return true;
    if (seen.has(code)) return false;
    seen.add(code);
    return true;
  });
}
