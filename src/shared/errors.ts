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
  UNAUTHENTICATED: "UNAUTHENTICATED",
  FORBIDDEN: "FORBIDDEN",
  NOT_FOUND: "NOT_FOUND",
  CONFLICT: "CONFLICT",
  RATE_LIMITED: "RATE_LIMITED",
  EXECUTION_TIMEOUT: "EXECUTION_TIMEOUT",
  DATABASE_UNAVAILABLE: "DATABASE_UNAVAILABLE",
  PERSISTED_QUERY_NOT_ALLOWED: "PERSISTED_QUERY_NOT_ALLOWED",
  TOO_MANY_SUBSCRIPTIONS: "TOO_MANY_SUBSCRIPTIONS",
  INVALID_PREVIEW_TOKEN: "INVALID_PREVIEW_TOKEN",
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

/** PERSISTED_QUERIES=only: the operation is not in the checked-in manifest, so it does not run. */
export class PersistedQueryNotAllowedError extends PublicError {
  constructor() {
    super("Only the operations of the persisted-query manifest run on this server.", ErrorCode.PERSISTED_QUERY_NOT_ALLOWED, { http: { status: 400 } });
  }
}

/** The operation needs a signed-in user, and the request carries no valid token. */
export class UnauthenticatedError extends PublicError {
  constructor(message = "Sign in first: send Authorization: Bearer <token> from login.") {
    super(message, ErrorCode.UNAUTHENTICATED);
  }
}

/** The signed-in user's role or ownership does not allow this operation. */
export class ForbiddenError extends PublicError {
  constructor(message: string, extensions: Record<string, unknown> = {}) {
    super(message, ErrorCode.FORBIDDEN, extensions);
  }
}

/** The object an operation names does not exist (or is not visible to this user). */
export class NotFoundError extends PublicError {
  constructor(message: string, extensions: Record<string, unknown> = {}) {
    super(message, ErrorCode.NOT_FOUND, extensions);
  }
}

/** A write based on a stale version; `currentVersion` is the one to rebase on. */
export class ConflictError extends PublicError {
  constructor(message: string, currentVersion: number) {
    super(message, ErrorCode.CONFLICT, { currentVersion });
  }
}

/**
 * A preview token that cannot open the article asked for: `reason` is
 * EXPIRED, INVALID (forged, garbled, or another kind of token) or
 * OTHER_ARTICLE (valid, but issued for another article).
 */
export class InvalidPreviewTokenError extends PublicError {
  constructor(message: string, reason: "EXPIRED" | "INVALID" | "OTHER_ARTICLE") {
    super(message, ErrorCode.INVALID_PREVIEW_TOKEN, { reason, field: "previewToken" });
  }
}

/** Flood control (`COMMENT_RATE_LIMIT`) refused a write; `retryAfter` is in seconds. */
export class RateLimitedError extends PublicError {
  constructor(retryAfter: number, limit: number) {
    super(`Too many attempts: try again in ${retryAfter} s.`, ErrorCode.RATE_LIMITED, { retryAfter, limit });
  }
}

/** An idempotency key sent again with a different input: the key already names another operation. */
export class IdempotencyConflictError extends PublicError {
  constructor() {
    super("This idempotencyKey was already used with a different input.", ErrorCode.CONFLICT, { field: "idempotencyKey" });
  }
}

/** The request ran past its time budget (`EXECUTION_TIMEOUT_MS`) and was stopped; nothing after that point ran. */
export class ExecutionTimeoutError extends PublicError {
  constructor() {
    super("The operation ran past its time limit and was stopped: ask for less (smaller pages, fewer nested lists) or try again.", ErrorCode.EXECUTION_TIMEOUT);
  }
}

/** The database could not be reached; the request may be retried (HTTP 503). */
export class DatabaseUnavailableError extends PublicError {
  constructor() {
    super("The service is temporarily unavailable: try again shortly.", ErrorCode.DATABASE_UNAVAILABLE, { http: { status: 503 } });
  }
}

/** The object is still referred to (articles in a section, accounts of an author): the extensions count by what. */
export class InUseError extends PublicError {
  constructor(message: string, extensions: Record<string, unknown>) {
    super(message, ErrorCode.CONFLICT, extensions);
  }
}
