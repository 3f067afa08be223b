import assert from "node:assert/strict";
import { test } from "node:test";
import { rowHydrator } from "../src/database/row-hydrator";
import { utcTimestampOf } from "../src/database/utc-timestamp";
import { Article } from "../src/modules/article/article.entity";
import { describeEachDatabase } from "./helpers/each-database";

/** Every millisecond of a second, in the texts each store gives a date column: SQLite's stored text, PostgreSQL's JSON of timestamptz. */
function textsOf(kind: string): string[] {
  const texts: string[] = [];
  for (let ms = 0; ms < 1000; ms++) {
    const fraction = String(ms).padStart(3, "0");
    if (kind === "sqlite") texts.push(`2026-07-15 13:14:15.${fraction}`);
    else
      texts.push(
        `2026-07-15T13:14:15.${fraction}+00:00`,
        `2026-07-15T13:14:15.${fraction}789+00:00`,
        `1987-03-09T01:02:03.${fraction.replace(/0+$/, "") || "0"}+00:00`,
      );
  }
  const odd =
    kind === "sqlite"
      ? [
          "2023-12-04 00:25:53",
          "2024-02-29 23:59:59.500",
          "2024-02-30 12:00:00.000",
          "2026-12-03 05:41:07.1",
          "2026-12-03T05:41:07.123",
          "0050-01-01 00:00:00.000",
        ]
      : [
          "2023-12-04T00:25:53+00:00",
          "2024-02-29T23:59:59.5+00:00",
          "2024-02-30T12:00:00+00:00",
          "1999-12-31T23:59:59.5+05:30",
          "2001-06-01T10:00:00-07:00",
          "0050-01-01T00:00:00+00:00",
        ];
  return [...texts, ...odd];
}

function same(value: unknown): unknown {
  return value instanceof Date ? ["date", value.getTime()] : value;
}

describeEachDatabase("date columns read from text", (server) => {
  test("a row's date text is read as the driver reads it, every form and millisecond included", () => {
    const { dataSource } = server();
    const column = dataSource.getMetadata(Article).findColumnWithPropertyName("publishedAt")!;
    const hydrate = rowHydrator(dataSource, Article, "a");
    for (const text of textsOf(server().kind)) {
      const article = hydrate({ a_id: 1, a_published_at: text })!;
      assert.deepEqual(same(article.publishedAt), same(dataSource.driver.prepareHydratedValue(text, column)), text);
    }
  });
});

test("the forms the stores give are read without the drivers' parsers; others are left to them", () => {
  const space = " ".charCodeAt(0);
  const t = "T".charCodeAt(0);
  assert.equal(utcTimestampOf("2026-07-15 13:14:15.123", 23, space)?.toISOString(), "2026-07-15T13:14:15.123Z");
  assert.equal(utcTimestampOf("2026-07-15T13:14:15.123456+00:00", 26, t)?.toISOString(), "2026-07-15T13:14:15.123Z");
  assert.equal(utcTimestampOf("2026-07-15 13:14:15", 19, space)?.toISOString(), "2026-07-15T13:14:15.000Z");
  for (const [text, end] of [
    ["2024-02-30 12:00:00", 19],
    ["0050-01-01 00:00:00", 19],
    ["2026-07-15 13:14:15.", 20],
    ["2026-07-15T13:14:15", 19],
    ["2026-07-15 13:14:1x", 19],
  ] as const) {
    assert.equal(utcTimestampOf(text, end, space), undefined, text);
  }
});
