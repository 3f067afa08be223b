import { types } from "pg";
import { DataSource } from "typeorm";
import { isPostgres } from "./dialect";

const TIMESTAMPTZ = 1184;

const fallback = types.getTypeParser(TIMESTAMPTZ, "text") as (text: string) => unknown;

const ZERO = 48;

/**
 * The `timestamptz` text PostgreSQL sends in a UTC session with a year of
 * four digits (`2026-12-03 05:41:07.123456+00`) read as pg's own parser
 * reads it (the same fields, the same milliseconds from the fraction),
 * without its regular expressions; any other text (another zone, BC,
 * infinity) goes to pg's parser.
 */
export function parseTimestamptz(text: string): unknown {
  const length = text.length;
  if (length < 22 || text.charCodeAt(length - 3) !== 43 || text.charCodeAt(length - 2) !== ZERO || text.charCodeAt(length - 1) !== ZERO) return fallback(text);
  if (text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45 || text.charCodeAt(10) !== 32 || text.charCodeAt(13) !== 58 || text.charCodeAt(16) !== 58)
    return fallback(text);
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 7);
  const day = digits(text, 8, 10);
  const hour = digits(text, 11, 13);
  const minute = digits(text, 14, 16);
  const second = digits(text, 17, 19);
  if (year < 100 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0) return fallback(text);
  let ms = 0;
  if (length > 22) {
    if (text.charCodeAt(19) !== 46 || digits(text, 20, length - 3) < 0) return fallback(text);
    ms = 1000 * parseFloat(text.slice(19, length - 3));
  }
  return new Date(Date.UTC(year, month - 1, day, hour, minute, second, ms));
}

/** The number the decimal digits of `text` from `start` to `end` write, or -1 when one is not a digit. */
function digits(text: string, start: number, end: number): number {
  let value = 0;
  for (let index = start; index < end; index++) {
    const digit = text.charCodeAt(index) - ZERO;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

/** On PostgreSQL, makes pg read `timestamptz` columns with `parseTimestamptz` (process-wide, as pg's type parsers are). */
export function useFastTimestamps(dataSource: DataSource): void {
  if (isPostgres(dataSource)) types.setTypeParser(TIMESTAMPTZ, parseTimestamptz);
}
