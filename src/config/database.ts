export const DEFAULT_DATABASE_URL = "sqlite:./data/broadsheet.sqlite";

/** Reader threads of a SQLite file (`SqliteReaders`): one beside the event loop's, which keeps the writes. */
export const DEFAULT_SQLITE_READERS = 1;

/** What DATABASE_URL and every DATABASE_REPLICA_URLS entry must start with to be PostgreSQL. */
export const POSTGRES_URL = /^postgres(ql)?:\/\//;

/** `sqlite:PATH` or a `postgres://` URL that parses, so a typo fails here and not in the driver. */
export function parseDatabaseUrl(raw: string | undefined): string {
  if (raw === undefined || raw === "") return DEFAULT_DATABASE_URL;
  if (raw.startsWith("sqlite:") && raw.length > "sqlite:".length) return raw;
  if (POSTGRES_URL.test(raw) && URL.canParse(raw)) return raw;
  throw new Error(`DATABASE_URL must be sqlite:PATH or postgres://user@host:5432/database, got "${raw}"`);
}
