import assert from "node:assert/strict";
import { before, test } from "node:test";
import { DEFAULT_HTTP, DEFAULT_LIMITS } from "../src/config";
import { Newsroom, seedNewsroom } from "./factories/newsroom";
import { dataDigest } from "./helpers/data-digest";
import { describeEachDatabase } from "./helpers/each-database";
import { FORGED_IDS, FTS_SYNTAX, HOSTILE_CHARACTERS, MARKUP_INJECTIONS, SQL_INJECTIONS, forgedCursors } from "./helpers/hostile-values";
import { contract } from "./helpers/operation-generator";
import { assertSafeAnswer, fetchAnswer, RawAnswer } from "./helpers/safe-answer";
import { StringSlot, stringSlots } from "./helpers/string-arguments";

/**
 * The hostile-request corpus: each request a hostile or broken client could
 * send, answered with a clear coded error (or, where the input is legal, a
 * correct answer), the server healthy and the data intact afterwards.
 * bad-input.test.ts and http-hardening.test.ts hold the cases already proven
 * there (page sizes, tampered cursors, non-JSON bodies, batching, CSRF, 413).
 */

interface Case {
  what: string;
  /** The raw request body (JSON text, or anything). */
  body: string;
  /** The status and code expected; `code: null` means a correct answer without errors. */
  status: number;
  code: string | string[] | null;
}

/** A few of each kind for every string argument (the fuzz test draws from all of them and the naughty strings). */
const SAMPLES = [
  ...SQL_INJECTIONS.slice(2, 6),
  ...MARKUP_INJECTIONS.slice(0, 2),
  ...FTS_SYNTAX.slice(0, 3),
  ...HOSTILE_CHARACTERS.slice(0, 5),
  "x".repeat(10_000),
];

/** Runs `send` over `items`, `width` at a time: the corpus is large and each request small. */
async function inParallel<T>(items: T[], width: number, send: (item: T) => Promise<void>): Promise<void> {
  for (let start = 0; start < items.length; start += width) await Promise.all(items.slice(start, start + width).map(send));
}

const json = (query: string, variables?: Record<string, unknown>) => JSON.stringify({ query, variables });
const repeat = (count: number, text: (index: number) => string) => Array.from({ length: count }, (_, index) => text(index)).join(" ");
const nested = (levels: number) =>
  `{ articles(first: 1) { nodes { ${"author { articles(first: 1) { nodes { ".repeat(levels)}title${" } } }".repeat(levels)} } } }`;

const REQUESTS: Case[] = [
  { what: "JSON with a byte-order mark (legal)", body: `\ufeff${json("{ __typename }")}`, status: 200, code: null },
  {
    what: "JSON nested 10,000 deep",
    body: `{"query":"{ __typename }","variables":${"[".repeat(10_000)}${"]".repeat(10_000)}}`,
    status: 400,
    code: "BAD_REQUEST",
  },
  { what: "a broken unicode escape", body: '{"query":"{ __typename \\u12 }"}', status: 400, code: "BAD_REQUEST" },
  { what: "a query that is a list", body: JSON.stringify({ query: ["{ __typename }"] }), status: 400, code: "BAD_REQUEST" },
  { what: "variables that are a string", body: JSON.stringify({ query: "{ __typename }", variables: "{}" }), status: 400, code: "BAD_REQUEST" },
  { what: "variables that are a list", body: JSON.stringify({ query: "{ __typename }", variables: [1] }), status: 400, code: "BAD_REQUEST" },
  { what: "an operationName that is a number", body: JSON.stringify({ query: "{ __typename }", operationName: 5 }), status: 400, code: "BAD_REQUEST" },
  { what: "extensions that are a string", body: JSON.stringify({ query: "{ __typename }", extensions: "x" }), status: 400, code: "BAD_REQUEST" },
  { what: "a __proto__ key", body: '{"query":"{ __typename }","variables":{"__proto__":{"polluted":true}}}', status: 400, code: "BAD_REQUEST" },
  {
    what: "a fragment cycle",
    body: json("query { ...A } fragment A on Query { articles { nodes { ...B } } } fragment B on Article { author { articles { nodes { ...B } } } }"),
    status: 400,
    code: "GRAPHQL_VALIDATION_FAILED",
  },
  { what: "a fragment spreading itself", body: json("query { ...A } fragment A on Query { __typename ...A }"), status: 400, code: "GRAPHQL_VALIDATION_FAILED" },
  { what: "60-deep nesting", body: json(nested(20)), status: 400, code: "QUERY_TOO_DEEP" },
  { what: "300 aliases", body: json(`{ ${repeat(300, (i) => `a${i}: tags { totalCount }`)} }`), status: 400, code: "TOO_MANY_ALIASES" },
  { what: "300 aliases of __typename", body: json(`{ ${repeat(300, (i) => `a${i}: __typename`)} }`), status: 400, code: "TOO_MANY_ALIASES" },
  {
    what: "500 directives",
    body: json(`{ ${repeat(500, () => "__typename @skip(if: false)")} }`),
    status: 400,
    code: ["TOO_MANY_DIRECTIVES", "TOO_MANY_TOKENS"],
  },
  {
    what: "500 directives on one field",
    body: json(`{ __typename ${repeat(500, () => "@skip(if: false)")} }`),
    status: 400,
    code: ["TOO_MANY_DIRECTIVES", "TOO_MANY_TOKENS"],
  },
  { what: "a 400 KB query", body: json(`{ __typename }${" ".repeat(400_000)}`), status: 413, code: "PAYLOAD_TOO_LARGE" },
  { what: "a 100 KB query (under the body limit)", body: json(`{ __typename }${" ".repeat(100_000)}`), status: 400, code: "QUERY_TOO_LONG" },
  { what: "a 100 KB comment in a query", body: json(`# ${"x".repeat(100_000)}\n{ __typename }`), status: 400, code: "QUERY_TOO_LONG" },
  { what: "first: 2^31 - 1", body: json("{ articles(first: 2147483647) { totalCount } }"), status: 200, code: "BAD_USER_INPUT" },
  { what: "first past Int", body: json("{ articles(first: 99999999999) { totalCount } }"), status: 400, code: "GRAPHQL_VALIDATION_FAILED" },
  { what: "first as a huge variable", body: json("query($n: Int) { articles(first: $n) { totalCount } }", { n: 1e308 }), status: 400, code: "BAD_USER_INPUT" },
  { what: "a NUL byte in a string of the query text (legal)", body: json('{ author(slug: "a\u0000b") { name } }'), status: 200, code: null },
  { what: "a lone surrogate in the query text", body: json('{ author(slug: "a\ud800b") { name } }'), status: 400, code: "GRAPHQL_PARSE_FAILED" },
  { what: "a lone surrogate in a variable", body: json("query($s: String!) { author(slug: $s) { name } }", { s: "\udfff" }), status: 200, code: null },
  {
    what: "a NUL byte in an operation name",
    body: JSON.stringify({ query: "query A { __typename }", operationName: "A\u0000" }),
    status: 400,
    code: "OPERATION_RESOLUTION_FAILURE",
  },
];

describeEachDatabase("the hostile-request corpus", (server) => {
  let newsroom: Newsroom;
  let digest: string;

  const post = (body: string, headers: Record<string, string> = {}): Promise<RawAnswer> =>
    fetchAnswer(`${server().baseUrl}/graphql`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body });

  /** The operation behind `slot` with `value` there, answered safely: data, or errors that each carry a code and say something. */
  const sendTo = async (slot: StringSlot, value: string, headers: Record<string, string> = {}) => {
    const operation = slot.operation(value);
    const answer = await post(JSON.stringify(operation), headers);
    assertSafeAnswer(answer, operation, `${slot.name} = ${JSON.stringify(value).slice(0, 80)}: ${operation.query}`);
    for (const error of answer.body?.errors ?? []) assert.ok(error.message.length > 10, `${slot.name}: the message explains: ${error.message}`);
  };

  before(async () => {
    newsroom = await seedNewsroom(server());
    digest = await dataDigest(server().dataSource);
  });

  for (const hostile of REQUESTS) {
    test(`answers ${hostile.what} with ${hostile.code ?? "data"}`, async () => {
      const answer = await post(hostile.body);
      assertSafeAnswer(answer, hostile.body, hostile.what);
      assert.equal(answer.status, hostile.status, `${hostile.what}: ${answer.text.slice(0, 300)}`);
      const codes = (answer.body?.errors ?? []).map((error) => error.extensions?.code);
      if (hostile.code === null) assert.deepEqual(codes, [], hostile.what);
      else assert.ok([hostile.code].flat().includes(codes[0] as string), `${hostile.what}: expected ${hostile.code}, got ${answer.text.slice(0, 300)}`);
      assert.equal(await dataDigest(server().dataSource), digest, `${hostile.what} changed the data`);
    });
  }

  test("refuses a 1 MB comment body with 413, and a 100 KB one with BAD_USER_INPUT on input.body", async () => {
    const add = (body: string) =>
      post(
        json(`mutation($input: AddCommentInput!) { addComment(input: $input) { comment { id } } }`, {
          input: { articleId: newsroom.idOf.Article, authorName: "Mallory", authorEmail: "mallory@example.com", body },
        }),
      );
    const huge = await add("x".repeat(1_048_576));
    assert.equal(huge.status, 413);
    assert.equal(huge.body?.errors?.[0].extensions?.code, "PAYLOAD_TOO_LARGE");
    const large = await add("x ".repeat(50_000));
    assertSafeAnswer(large, null, "a 100 KB comment");
    assert.deepEqual(large.body?.errors?.[0].extensions, { code: "BAD_USER_INPUT", field: "input.body", maximum: 10_000 });
    assert.equal(await dataDigest(server().dataSource), digest, "a refused comment stored nothing");
    assert.ok(DEFAULT_HTTP.bodyLimitBytes < 1_048_576 && DEFAULT_LIMITS.queryLength < 100_000);
  });

  test("every string argument of every query takes injection strings, NUL bytes and lone surrogates", async () => {
    const slots = stringSlots(contract(), newsroom).filter((slot) => slot.kind === "query");
    assert.ok(slots.length > 20, `the schema's text arguments were found: ${slots.map((slot) => slot.name)}`);
    const cursors = forgedCursors(newsroom.sources.cursors).filter((_, index) => index % 7 === 0);
    const cases = slots.flatMap((slot) => {
      const values = [
        ...SAMPLES,
        ...(/\((after|before)\)/.test(slot.name) ? cursors : []),
        ...(/[iI]ds?\)$/.test(slot.name) ? FORGED_IDS.filter((_, index) => index % 3 === 0) : []),
      ];
      return values.map((value) => ({ slot, value }));
    });
    await inParallel(cases, 8, ({ slot, value }) => sendTo(slot, value, newsroom.editor));
    assert.equal(await dataDigest(server().dataSource), digest, "a read changed the data");
  });

  test("every string argument of every mutation takes one of each kind, as an editor (past the role checks)", async () => {
    const slots = stringSlots(contract(), newsroom).filter((slot) => slot.kind === "mutation");
    assert.ok(slots.length > 10, `the schema's text arguments were found: ${slots.map((slot) => slot.name)}`);
    const oneOfEach = [SQL_INJECTIONS[0], MARKUP_INJECTIONS[0], FTS_SYNTAX[0], ...HOSTILE_CHARACTERS.slice(0, 5), "x".repeat(10_000)];
    await inParallel(
      slots.flatMap((slot) => oneOfEach.map((value) => ({ slot, value }))),
      8,
      ({ slot, value }) => sendTo(slot, value, newsroom.editor),
    );
  });

  test("answers lookups by text with a NUL byte (or too long for its column) as finding nothing, not as a database error", async () => {
    const nul = "a\u0000b";
    const found = await server().data(
      `query($nul: String!) { author(slug: $nul) { id } category(slug: $nul) { id } tag(slug: $nul) { id } article(slug: $nul) { id }
         articles(filter: { authorSlug: $nul }) { totalCount } inSection: articles(filter: { tagSlugs: ["x", $nul] }) { totalCount } }`,
      { nul },
      newsroom.editor,
    );
    assert.deepEqual(found, { author: null, category: null, tag: null, article: null, articles: { totalCount: 0 }, inSection: { totalCount: 0 } });
    for (const email of [`a${nul}@example.com`, `${"a".repeat(10_000)}@example.com`]) {
      const login = await post(json(`mutation($email: String!) { login(email: $email, password: "x") { token } }`, { email }));
      assert.equal(login.body?.errors?.[0].extensions?.code, "UNAUTHENTICATED", "and an email longer than any column");
    }
    const comment = await post(
      json(`mutation($input: AddCommentInput!) { addComment(input: $input) { comment { id } } }`, {
        input: { articleId: newsroom.idOf.Article, authorName: "Ada", authorEmail: "ada@example.com", body: "Fine.", idempotencyKey: nul },
      }),
    );
    assert.deepEqual(comment.body?.errors?.[0].extensions, { code: "BAD_USER_INPUT", field: "input.idempotencyKey" });
  });

  test("refuses every hostile readerKey of recordView with BAD_USER_INPUT on input.readerKey, counting nothing", async () => {
    const before = await dataDigest(server().dataSource);
    const record = (readerKey: string) =>
      post(json(`mutation($input: RecordViewInput!) { recordView(input: $input) }`, { input: { articleId: newsroom.idOf.Article, readerKey } }));
    for (const readerKey of [...SAMPLES, "", "a\u0000bcdefghij", "\ud800abcdefghij", "../../etc/passwd", "key with spaces"]) {
      const answer = await record(readerKey);
      assertSafeAnswer(answer, null, `readerKey ${JSON.stringify(readerKey).slice(0, 80)}`);
      assert.deepEqual(
        answer.body?.errors?.[0].extensions,
        { code: "BAD_USER_INPUT", field: "input.readerKey", minimum: 16, maximum: 128 },
        JSON.stringify(readerKey).slice(0, 80),
      );
    }
    assert.equal(await dataDigest(server().dataSource), before, "a refused view stored nothing");
  });

  test("is healthy afterwards: alive, ready, serving every published article", async () => {
    assert.equal((await fetch(`${server().baseUrl}/healthz`)).status, 200);
    assert.equal((await fetch(`${server().baseUrl}/readyz`)).status, 200);
    assert.equal((await server().data("{ articles(first: 10) { totalCount } }")).articles.totalCount, newsroom.articleSlugs.length);
  });
});

test("the corpus reaches every string argument the contract has", () => {
  const names = stringSlots(contract(), { idOf: {} }).map((slot) => slot.name);
  for (const expected of [
    "Query.articles(filter.search)",
    "Query.author(slug)",
    "Mutation.addComment(input.body)",
    "Article.comments(after)",
    "Mutation.login(password)",
    "Mutation.recordView(input.articleId)",
    "Mutation.recordView(input.readerKey)",
    "Mutation.voteComment(input.commentId)",
    "Mutation.voteComment(input.readerKey)",
    "Comment.viewerVote(readerKey)",
  ]) {
    assert.ok(names.includes(expected), `${expected} is among ${names.join(", ")}`);
  }
});
