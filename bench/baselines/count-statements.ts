import { Client } from "pg";

/**
 * Counts every statement this process sends through node-postgres (which
 * PostGraphile's pool uses) from now on: the baseline's /metrics then gives
 * `db_queries_total` as the server's does, so the bench reports its SQL
 * statements per request too. Returns the running count.
 */
export function countStatements(): () => number {
  let statements = 0;
  const query = Client.prototype.query;
  Client.prototype.query = function (this: Client, ...args: unknown[]) {
    statements++;
    return Reflect.apply(query, this, args);
  } as typeof query;
  return () => statements;
}
