import { DataSource } from "typeorm";
import { isPostgres } from "./dialect";

/** Named texts at most: list reads have a few dozen shapes; past it, texts run unnamed as before. */
const MAX_NAMED = 1000;

/** The statement name of each text marked by `nameStatement`; the same text has the same name on every connection. */
const names = new Map<string, string>();

/** The pg clients whose `query` names marked texts. */
const wrapped = new WeakSet<object>();

interface PgClient {
  query(config: unknown, ...rest: unknown[]): unknown;
}

interface PgPool {
  on(event: "acquire", listener: (client: PgClient) => void): unknown;
}

/**
 * Marks an SQL text (as sent, placeholders numbered) to run as a named
 * prepared statement on PostgreSQL: each pooled connection then parses it
 * once and later sends only its name and values, and PostgreSQL may keep
 * its plan. For texts that are reused as they are (`reuseSqlText`).
 */
export function nameStatement(text: string): void {
  if (names.size < MAX_NAMED && !names.has(text)) names.set(text, `broadsheet_${names.size}`);
}

/**
 * On PostgreSQL, makes every connection `dataSource`'s pool hands out send
 * the texts marked by `nameStatement` as named prepared statements; TypeORM
 * calls pg with the text and values only, so the client's `query` is
 * wrapped where the pool hands the client out.
 */
export function namePreparedStatements(dataSource: DataSource): void {
  if (!isPostgres(dataSource)) return;
  const pool = (dataSource.driver as unknown as { master?: PgPool }).master;
  pool?.on("acquire", (client) => {
    if (wrapped.has(client)) return;
    wrapped.add(client);
    const query = client.query;
    client.query = function (this: PgClient, config: unknown, ...rest: unknown[]) {
      const name = typeof config === "string" && Array.isArray(rest[0]) && rest.length === 1 ? names.get(config) : undefined;
      return name === undefined ? query.call(this, config, ...rest) : query.call(this, { name, text: config, values: rest[0] });
    };
  });
}
