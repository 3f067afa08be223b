/** Named texts at most: list reads have a few dozen shapes; past it, texts run unnamed as before. */
const MAX_NAMED = 1000;

/** The statement name of each text marked by `nameStatement`; the same text has the same name on every connection. */
const names = new Map<string, string>();

/**
 * Marks an SQL text (as sent, placeholders numbered) to run as a named
 * prepared statement on PostgreSQL: each pooled connection then parses it
 * once and later sends only its name and values, and PostgreSQL may keep
 * its plan. For texts that are reused as they are (`reuseSqlText`); the
 * serving pool's clients look the name up (`runPooledStatements`).
 */
export function nameStatement(text: string): void {
  if (names.size < MAX_NAMED && !names.has(text)) names.set(text, `broadsheet_${names.size}`);
}

/** The name `nameStatement` gave `text`, if it marked it. */
export function statementNameOf(text: string): string | undefined {
  return names.get(text);
}
