import assert from "node:assert/strict";
import { test } from "node:test";
import { types } from "pg";
import { parseTimestamptz } from "../src/database/pg-timestamps";

const TIMESTAMPTZ = 1184;

/** pg's own parser, whatever the process has set since. */
const pgParse = types.getTypeParser(TIMESTAMPTZ, "text") as (text: string) => unknown;

const TEXTS = [
  "2023-12-04 00:25:53+00",
  "2026-12-03 05:41:07.1+00",
  "2026-12-03 05:41:07.123+00",
  "2026-12-03 05:41:07.123456+00",
  "2026-12-03 05:41:07.999999+00",
  "2026-01-01 00:00:00.035+00",
  "2024-02-29 23:59:59.5+00",
  "2024-02-30 12:00:00+00",
  "1999-12-31 23:59:59.5+05:30",
  "2001-06-01 10:00:00-07",
  "0050-01-01 00:00:00+00",
  "0200-01-01 00:00:00+00",
  "2020-01-01 00:00:00+00 BC",
  "infinity",
  "-infinity",
];

function same(value: unknown): unknown {
  return value instanceof Date ? ["date", value.getTime()] : value;
}

test("timestamptz text is read as pg's own parser reads it, every form included", () => {
  for (const text of TEXTS) assert.deepEqual(same(parseTimestamptz(text)), same(pgParse(text)), text);
});

test("timestamps of every millisecond fraction are read as pg reads them", () => {
  for (let ms = 0; ms < 1000; ms++) {
    const fraction = String(ms).padStart(3, "0");
    for (const text of [
      `2026-07-15 13:14:15.${fraction}+00`,
      `2026-07-15 13:14:15.${fraction}789+00`,
      `1987-03-09 01:02:03.${fraction.replace(/0+$/, "") || "0"}+00`,
    ]) {
      assert.deepEqual(same(parseTimestamptz(text)), same(pgParse(text)), text);
    }
  }
});
