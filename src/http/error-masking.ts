import { ApolloServerPlugin } from "@apollo/server";
import { unwrapResolverError } from "@apollo/server/errors";
import { GraphQLError, GraphQLFormattedError } from "graphql";
import { RequestContext } from "../shared/request-context";
import { publicDatabaseFault } from "../database/database-faults";
import { Logger } from "../logger";
import { ErrorCode, PublicError } from "../shared/errors";

const INTERNAL_MESSAGE = "Internal server error";

/**
 * The PublicError behind `error`, if any: thrown by a resolver, or reported
 * by a validation rule and wrapped by Apollo (which then overwrites its code
 * with GRAPHQL_VALIDATION_FAILED: the code that counts is the PublicError's);
 * or the one a known database fault (timeout, database down) stands for.
 */
function publicErrorBehind(error: unknown): PublicError | null {
  for (let current: unknown = error; current instanceof Error; current = (current as GraphQLError).originalError) {
    if (current instanceof PublicError) return current;
  }
  return publicDatabaseFault(error);
}

/**
 * Whether a client may see this error as it is: our own PublicErrors, and
 * the errors Apollo raises before execution (parse, validation, variable
 * coercion), which carry their own code. Anything else is a driver error or
 * a bug, and its text may hold SQL or internals.
 */
function isPublic(error: unknown): boolean {
  if (publicErrorBehind(error)) return true;
  if (!(error instanceof GraphQLError) || unwrapResolverError(error) !== error) return false;
  const code = error.extensions?.code;
  return typeof code === "string" && code !== ErrorCode.INTERNAL_SERVER_ERROR;
}

/** Apollo's `formatError`: masks every non-public error; never sends a stack trace. */
export function maskError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const publicError = publicErrorBehind(error);
  if (publicError) {
    const { http: _http, ...extensions } = publicError.extensions;
    return { message: publicError.message, locations: formatted.locations, path: formatted.path, extensions };
  }
  const { stacktrace: _stack, ...extensions } = formatted.extensions ?? {};
  if (isPublic(error)) return { ...formatted, extensions };
  return { message: INTERNAL_MESSAGE, path: formatted.path, extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } };
}

/**
 * Logs every masked error in full with the request id, and adds that id to
 * the masked errors the client gets, so a report can be matched to the log.
 */
export function errorLoggingPlugin(logger: Logger): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, contextValue }) {
          for (const error of errors) {
            const fault = publicDatabaseFault(error);
            if (fault) logger.warn({ err: unwrapResolverError(error), code: fault.extensions.code, requestId: contextValue.requestId }, "database fault");
            else if (!isPublic(error))
              logger.error({ err: unwrapResolverError(error), path: error.path, requestId: contextValue.requestId }, "unexpected error");
          }
        },
        async willSendResponse({ response, contextValue }) {
          if (response.body.kind !== "single") return;
          for (const error of response.body.singleResult.errors ?? []) {
            if (error.extensions?.code === ErrorCode.INTERNAL_SERVER_ERROR) {
              (error.extensions as Record<string, unknown>).requestId = contextValue.requestId;
            }
          }
        },
      };
    },
  };
}
