import { types } from "pg";
import { DataSource } from "typeorm";
import { isPostgres } from "./dialect";
import { utcTimestampOf } from "./utc-timestamp";

const TIMESTAMPTZ = 1184;

const fallback = types.getTypeParser(TIMESTAMPTZ, "text") as (text: string) => unknown;

const PLUS = 43;
const ZERO = 48;
const SPACE = 32;

/**
 * The `timestamptz` text PostgreSQL sends in a UTC session with a year of
 * four digits (`2026-12-03 05:41:07.123456+00`) read as pg's own parser
 * reads it (the same fields, the same milliseconds from the fraction),
 * without its regular expressions; any other text (another zone, BC,
 * infinity) goes to pg's parser.
 */
export function parseTimestamptz(text: string): unknown {
  const length = text.length;
  if (length < 22 || text.charCodeAt(length - 3) !== PLUS || text.charCodeAt(length - 2) !== ZERO || text.charCodeAt(length - 1) !== ZERO)
    return fallback(text);
  return utcTimestampOf(text, length - 3, SPACE) ?? fallback(text);
}

/** On PostgreSQL, makes pg read `timestamptz` columns with `parseTimestamptz` (process-wide, as pg's type parsers are). */
export function useFastTimestamps(dataSource: DataSource): void {
  if (isPostgres(dataSource)) types.setTypeParser(TIMESTAMPTZ, parseTimestamptz);
}
