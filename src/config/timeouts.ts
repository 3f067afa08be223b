import { parseInteger } from "./parse";

/** How long a request, a statement and a database connection may take before they fail with a coded error. */
export interface TimeoutOptions {
  /**
   * The time budget of one GraphQL request (0: none). Past it the request
   * sends no more SQL and answers EXECUTION_TIMEOUT; on PostgreSQL it is also
   * every serving statement's `statement_timeout`.
   */
  executionMs: number;
  /** PostgreSQL: how long to wait for a pooled connection before answering DATABASE_UNAVAILABLE (0: forever). */
  databaseConnectMs: number;
}

export const DEFAULT_TIMEOUTS: TimeoutOptions = { executionMs: 5000, databaseConnectMs: 5000 };

export function loadTimeouts(env: NodeJS.ProcessEnv): TimeoutOptions {
  return {
    executionMs: parseInteger("EXECUTION_TIMEOUT_MS", env.EXECUTION_TIMEOUT_MS, DEFAULT_TIMEOUTS.executionMs),
    databaseConnectMs: parseInteger("DATABASE_CONNECT_TIMEOUT_MS", env.DATABASE_CONNECT_TIMEOUT_MS, DEFAULT_TIMEOUTS.databaseConnectMs),
  };
}
