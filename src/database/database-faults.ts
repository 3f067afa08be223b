import { GraphQLError } from "graphql";
import { DatabaseUnavailableError, ExecutionTimeoutError, PublicError } from "../shared/errors";

/** PostgreSQL's query_canceled: `statement_timeout` (or an operator) cancelled the statement. */
const QUERY_CANCELED = "57014";
/**
 * PostgreSQL SQLSTATEs that mean "the server is not there for you now":
 * class 08 (connection exceptions), shutting down, starting up, out of
 * connections.
 */
const UNAVAILABLE_STATES = /^(08...|57P01|57P02|57P03|53300)$/;
/** Socket errors of a connection that could not be made or died. */
const SOCKET_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "EHOSTUNREACH", "ENETUNREACH", "ENOTFOUND", "EAI_AGAIN"]);
/**
 * What pg, its pool, better-sqlite3 and TypeORM say, without a code, when a
 * connection died, could not be had in time, went silent, or was closed.
 */
const UNAVAILABLE_MESSAGES =
  /Connection terminated|connection timeout|Query read timeout|timeout exceeded when trying to connect|not queryable|Client was closed|Cannot use a pool after calling end|Driver not Connected|database connection is not open|Connection with sqlite database is not established/i;
/** SQLite: another process has held the write lock past `busy_timeout`, or the file cannot be used. */
const SQLITE_UNAVAILABLE = /^SQLITE_(BUSY|IOERR|CANTOPEN|NOTADB|CORRUPT|FULL|READONLY)/;

/**
 * The public error a database failure means for the client, or null when it
 * is not a known fault (a bug, a constraint: masked as usual). Looks through
 * the wrappers TypeORM and GraphQL put around the driver's error.
 */
export function publicDatabaseFault(error: unknown): PublicError | null {
  for (const candidate of causesOf(error)) {
    const code = typeof candidate.code === "string" ? candidate.code : "";
    const message = typeof candidate.message === "string" ? candidate.message : "";
    if (code === QUERY_CANCELED && /statement timeout/.test(message)) return new ExecutionTimeoutError();
    if (UNAVAILABLE_STATES.test(code) || SOCKET_CODES.has(code) || SQLITE_UNAVAILABLE.test(code)) return new DatabaseUnavailableError();
    if (UNAVAILABLE_MESSAGES.test(message)) return new DatabaseUnavailableError();
  }
  return null;
}

/**
 * The errors `error` wraps (GraphQL's originalError, TypeORM's driverError,
 * `cause`) and itself, except GraphQL errors: their messages can quote what
 * the client sent, which must never pass for a driver's words.
 */
function causesOf(error: unknown): Record<string, unknown>[] {
  const causes: Record<string, unknown>[] = [];
  const pending = [error];
  for (let seen = 0; pending.length > 0 && seen < 10; seen++) {
    const current = pending.shift();
    if (typeof current !== "object" || current === null) continue;
    const record = current as Record<string, unknown>;
    if (!(current instanceof GraphQLError)) causes.push(record);
    pending.push(record.originalError, record.driverError, record.cause);
  }
  return causes;
}
