/** The part of node-postgres's `Client` class that is counted. */
interface ClientClass {
  prototype: { query(...args: unknown[]): unknown };
}

/**
 * Counts every statement this process sends through `Client` (the
 * node-postgres that PostGraphile's pool uses) from now on: the baseline's
 * /metrics then gives `db_queries_total` as the server's does, so the bench
 * reports its SQL statements per request too. Returns the running count.
 */
export function countStatements(Client: ClientClass): () => number {
  let statements = 0;
  const query = Client.prototype.query;
  Client.prototype.query = function (this: unknown, ...args: unknown[]) {
    statements++;
    return Reflect.apply(query, this, args);
  };
  return () => statements;
}
