import { GraphQLError } from "graphql";

/**
 * The error codes clients can rely on in `extensions.code`. Anything thrown
 * that is not one of these classes reaches the client as
 * INTERNAL_SERVER_ERROR with a generic message (see `formatError`).
 */
export const ErrorCode = {
  BAD_USER_INPUT: "BAD_USER_INPUT",
  INTERNAL_SERVER_ERROR: "INTERNAL_SERVER_ERROR",
  QUERY_TOO_LONG: "QUERY_TOO_LONG",
  TOO_MANY_TOKENS: "TOO_MANY_TOKENS",
  QUERY_TOO_DEEP: "QUERY_TOO_DEEP",
  TOO_MANY_ALIASES: "TOO_MANY_ALIASES",
  TOO_MANY_DIRECTIVES: "TOO_MANY_DIRECTIVES",
  QUERY_TOO_COSTLY: "QUERY_TOO_COSTLY",
} as const;

export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** An error whose message is written for the client and safe to show. */
export class PublicError extends GraphQLError {
  constructor(message: string, code: ErrorCode, extensions: Record<string, unknown> = {}) {
    super(message, { extensions: { ...extensions, code } });
  }
}

export class BadUserInputError extends PublicError {
  constructor(message: string, extensions: Record<string, unknown> = {}) {
    super(message, ErrorCode.BAD_USER_INPUT, extensions);
  }
}

/** An operation refused before execution for going over one of the configured limits. */
export class LimitExceededError extends PublicError {
  constructor(code: ErrorCode, message: string, limit: number) {
    super(message, code, { limit, http: { status: 400 } });
  }
}
