import { FastifyReply, FastifyRequest } from "fastify";
import { Lexer, Source, TokenKind } from "graphql";
import { OperationLimits } from "../../config";
import { ErrorCode, LimitExceededError } from "../../shared/errors";
import { graphqlParamsOf } from "../graphql-params";

/**
 * Refuses, before Apollo parses anything, a query text that is too long or
 * has too many tokens: both bound the work that parsing and validation do.
 * Runs as a Fastify preHandler on the GraphQL route (POST body or GET query).
 */
export function queryTextLimits(limits: OperationLimits) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const query = graphqlParamsOf(request)?.query;
    if (query === undefined) return;
    const refusal = checkQueryText(query, limits);
    if (refusal) {
      await reply.code(400).send({ errors: [{ message: refusal.message, extensions: { code: refusal.extensions.code, limit: refusal.extensions.limit } }] });
    }
  };
}

export function checkQueryText(query: string, limits: OperationLimits): LimitExceededError | null {
  if (query.length > limits.queryLength) {
    return new LimitExceededError(
      ErrorCode.QUERY_TOO_LONG,
      `The query is ${query.length} characters long; the limit is ${limits.queryLength}.`,
      limits.queryLength,
    );
  }
  if (countTokens(query, limits.tokens) > limits.tokens) {
    return new LimitExceededError(ErrorCode.TOO_MANY_TOKENS, `The query has more than ${limits.tokens} tokens.`, limits.tokens);
  }
  return null;
}

/** Tokens of `query`, counting no further than `stopAfter + 1`; a lexing error stops the count (the parser reports it). */
function countTokens(query: string, stopAfter: number): number {
  const lexer = new Lexer(new Source(query));
  let count = 0;
  try {
    while (count <= stopAfter && lexer.advance().kind !== TokenKind.EOF) count++;
  } catch {
    return count;
  }
  return count;
}
