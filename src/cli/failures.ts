import { UsageError } from "./command-line";

/** What a user can fix, told in one line; anything else is unexpected. */
export class UserError extends Error {}

/** What creating a SQLite file's directory fails with when the path is wrong or not writable. */
const FILE_ERRORS = new Set(["EACCES", "EEXIST", "ENOENT", "ENOTDIR", "EROFS"]);

interface SystemError extends Error {
  code?: string;
}

/**
 * A failure to open the database of `databaseUrl` that the user can fix,
 * as a `UserError` with the fix; anything else unchanged.
 */
export function explainDatabaseError(error: unknown, databaseUrl: string): unknown {
  const { code, message } = (error ?? {}) as SystemError;
  if (databaseUrl.startsWith("sqlite:")) {
    if (code === "SQLITE_CANTOPEN" || code === "SQLITE_NOTADB" || (code && FILE_ERRORS.has(code))) {
      return new UserError(`cannot open the SQLite database ${databaseUrl.slice("sqlite:".length)}: ${message}`);
    }
    return error;
  }
  const url = new URL(databaseUrl);
  const host = `${url.hostname}:${url.port || 5432}`;
  const database = decodeURIComponent(url.pathname.slice(1));
  switch (code) {
    case "3D000":
      return new UserError(`PostgreSQL on ${host} has no database "${database}": create it with \`createdb ${database}\``);
    case "ECONNREFUSED":
    case "ETIMEDOUT":
    case "EHOSTUNREACH":
      return new UserError(`cannot connect to PostgreSQL: is PostgreSQL running on ${host}?`);
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return new UserError(`cannot resolve the host "${url.hostname}" of DATABASE_URL`);
    case "28P01":
    case "28000":
      return new UserError(`PostgreSQL on ${host} refused the connection: ${message}`);
    default:
      return error;
  }
}

/** A port that cannot be listened on, as a `UserError` with the fix; anything else unchanged. */
export function explainListenError(error: unknown, port: number): unknown {
  switch ((error as SystemError | undefined)?.code) {
    case "EADDRINUSE":
      return new UserError(`port ${port} is already in use: stop what listens there, or set PORT to another port`);
    case "EACCES":
      return new UserError(`not allowed to listen on port ${port}: set PORT to a port above 1023`);
    default:
      return error;
  }
}

/** Whether `error` is one the user can fix from its message alone. */
export function isUserError(error: unknown): error is Error {
  return error instanceof UserError || error instanceof UsageError;
}
