import fc, { Arbitrary } from "fast-check";
import { EXTREME_NUMBERS, FORGED_IDS, INJECTION_STRINGS, NAUGHTY_STRINGS, forgedCursors } from "./hostile-values";

/** Genuine values of the fuzzed database, so that operations reach real rows as well as refusals. */
export interface ValueSources {
  /** Global ids of stored objects. */
  ids: string[];
  /** Slugs, tokens, emails and other strings the API would accept. */
  strings: string[];
  /** Cursors the API handed out, of every list. */
  cursors: string[];
}

const LONE_SURROGATE = fc.constantFrom("\ud800", "\udbff", "\udc00", "\udfff");

const DATE_TIMES = [
  "2026-01-01T00:00:00Z",
  "1970-01-01T00:00:00.000Z",
  "0000-01-01T00:00:00Z",
  "9999-12-31T23:59:59.999Z",
  "+275760-09-13T00:00:00.000Z",
  "2026-02-30T00:00:00Z",
  "2026-01-01",
  "yesterday",
  "1735689600",
];

/** Honest values look like a well-behaved client's; hostile ones like an attacker's. */
export type Mode = "honest" | "hostile";

/**
 * The value pools of the fuzz test. Arguments are matched by their GraphQL
 * type and, for the ones every list or object has, by name (`after`/`before`
 * take cursors, `first`/`last` page sizes, any ID a global id, `email` and
 * `url` addresses), so new fields get sensible values without being listed.
 */
export function fuzzValues(sources: ValueSources) {
  const hostileString: Arbitrary<string> = fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...NAUGHTY_STRINGS) },
    { weight: 4, arbitrary: fc.constantFrom(...INJECTION_STRINGS) },
    { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 30 }) },
    { weight: 1, arbitrary: fc.string({ unit: fc.oneof(LONE_SURROGATE, fc.constantFrom("\u0000", "a", "'", '"', "\\", "%")), maxLength: 8 }) },
    { weight: 1, arbitrary: fc.integer({ min: 257, max: 40_000 }).map((length) => "x".repeat(length)) },
  );
  const genuine = <T>(values: T[], fallback: Arbitrary<T>): Arbitrary<T> => (values.length ? fc.constantFrom(...values) : fallback);
  const honestString = (argName: string): Arbitrary<string> => {
    if (/email/i.test(argName))
      return fc.oneof(
        fc.emailAddress(),
        genuine(
          sources.strings.filter((text) => text.includes("@")),
          fc.emailAddress(),
        ),
      );
    if (/url/i.test(argName)) return fc.webUrl({ validSchemes: ["https"] });
    return fc.oneof(genuine(sources.strings, fc.constant("a")), fc.lorem({ maxCount: 6 }));
  };
  /** `articleId` gets Article ids, `tagIds` Tag ids; `id` and `parentId` any stored object's. */
  const honestId = (argName: string): Arbitrary<string> => {
    const typeOf = (id: string) => Buffer.from(id, "base64url").toString("utf8").split(":")[0].toLowerCase();
    const named = sources.ids.filter((id) => argName.toLowerCase().startsWith(typeOf(id)));
    return genuine(named.length ? named : sources.ids, fc.constant("QXJ0aWNsZTox"));
  };
  const honestInt = (argName: string) => (argName === "first" || argName === "last" ? fc.integer({ min: 0, max: 5 }) : fc.integer({ min: 1, max: 300 }));

  const honest = (typeName: string, argName: string): Arbitrary<unknown> => {
    if (typeName === "ID") return honestId(argName);
    if (argName === "after" || argName === "before") return genuine(sources.cursors, fc.constant("x"));
    if (typeName === "Int") return honestInt(argName);
    if (typeName === "Float") return fc.double({ min: 0, max: 100, noNaN: true });
    if (typeName === "Boolean") return fc.boolean();
    if (typeName === "String") return honestString(argName);
    if (typeName === "DateTime")
      return fc.date({ min: new Date("2020-01-01"), max: new Date("2030-01-01"), noInvalidDate: true }).map((date) => date.toISOString());
    // A scalar added later: a string is the likeliest honest value.
    return honestString(argName);
  };

  const hostile = (typeName: string, argName: string): Arbitrary<unknown> => {
    if (typeName === "ID") return fc.oneof(fc.constantFrom(...FORGED_IDS), hostileString);
    if (argName === "after" || argName === "before") return fc.oneof(fc.constantFrom(...forgedCursors(sources.cursors)), hostileString);
    if (typeName === "Int" || typeName === "Float") return fc.oneof(fc.constantFrom(...EXTREME_NUMBERS), fc.integer(), fc.double());
    if (typeName === "Boolean") return fc.constantFrom("true", 0, 1);
    if (typeName === "DateTime")
      return fc.oneof(
        fc.date({ noInvalidDate: true }).map((date) => date.toISOString()),
        fc.constantFrom(...DATE_TIMES),
        hostileString,
      );
    return fc.oneof(hostileString, fc.jsonValue({ maxDepth: 2 }));
  };

  /** A value of the wrong JSON type for wherever it is sent. */
  const wrongType: Arbitrary<unknown> = fc.oneof(
    fc.jsonValue({ maxDepth: 3 }),
    fc.constantFrom(...EXTREME_NUMBERS),
    fc.constant(JSON.parse('{"__proto__": {"polluted": true}}')),
    fc.constant([[[[[[]]]]]]),
  );

  return {
    hostileString,
    wrongType,
    scalar: (typeName: string, argName: string, mode: Mode) => (mode === "honest" ? honest(typeName, argName) : hostile(typeName, argName)),
  };
}
