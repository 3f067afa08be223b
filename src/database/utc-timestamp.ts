const ZERO = 48;
const DASH = 45;
const COLON = 58;
const DOT = 46;

/**
 * The time that `text` writes, up to `end`, as `YYYY-MM-DD?HH:MM:SS` with
 * an optional fraction of a second, `separator` (a character code) between
 * date and time, read as UTC with the fraction's whole milliseconds: what
 * the drivers' own parsers make of it. Undefined for any other text, and
 * for years before 100 and days past the 28th that the month does not have
 * (where parsers differ), which the caller's own parser then reads.
 */
export function utcTimestampOf(text: string, end: number, separator: number): Date | undefined {
  if (end < 19 || text.charCodeAt(4) !== DASH || text.charCodeAt(7) !== DASH || text.charCodeAt(10) !== separator) return undefined;
  if (text.charCodeAt(13) !== COLON || text.charCodeAt(16) !== COLON) return undefined;
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 7);
  const day = digits(text, 8, 10);
  const hour = digits(text, 11, 13);
  const minute = digits(text, 14, 16);
  const second = digits(text, 17, 19);
  if (year < 100 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0) return undefined;
  let ms = 0;
  if (end > 19) {
    if (end === 20 || text.charCodeAt(19) !== DOT || digits(text, 20, end) < 0) return undefined;
    ms = 1000 * parseFloat(text.slice(19, end));
  }
  const date = new Date(Date.UTC(year, month - 1, day, hour, minute, second, ms));
  return day <= 28 || date.getUTCDate() === day ? date : undefined;
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
