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
  const passed = new PassedTexts();
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const query = graphqlParamsOf(request)?.query;
    if (query === undefined || passed.has(query)) return;
    const refusal = checkQueryText(query, limits);
    if (!refusal) passed.add(query);
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

/** What a server remembers of passing texts: far more than the operations a site's clients send, and at most 1 MB. */
const REMEMBERED_TEXTS = 512;
const REMEMBERED_CHARACTERS = 1 << 20;

/**
 * Query texts that passed the limits. Clients send the same few texts over
 * and over, and lexing one (the article page's: 35-60 µs) costs more than
 * a cache hit's lookup: a text seen before is not counted again. Emptied
 * when full, so a client sending endless new texts costs what it did.
 */
class PassedTexts {
  private readonly texts = new Set<string>();
  private characters = 0;

  has(query: string): boolean {
    return this.texts.has(query);
  }

  add(query: string): void {
    if (this.texts.size >= REMEMBERED_TEXTS || this.characters + query.length > REMEMBERED_CHARACTERS) {
      this.texts.clear();
      this.characters = 0;
    }
    this.texts.add(query);
    this.characters += query.length;
  }
}
