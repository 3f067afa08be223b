import assert from "node:assert/strict";
import { randomInt } from "node:crypto";
import { before, test } from "node:test";
import fc from "fast-check";
import { seedNewsroom } from "./factories/newsroom";
import { dataDigest } from "./helpers/data-digest";
import { describeEachDatabase } from "./helpers/each-database";
import { GeneratedOperation, OperationGenerator, contract } from "./helpers/operation-generator";
import { assertSafeAnswer, fetchAnswer, RawAnswer } from "./helpers/safe-answer";
import { TestServer } from "./helpers/test-server";

/**
 * The fuzz test: random valid operations of the contract with hostile
 * variables, over HTTP, each answered with data or coded errors and never a
 * 5xx, a leak or a hang; reads change no data. `npm test` runs a fixed seed
 * and few runs; `npm run fuzz` runs many with a fresh seed, printed so that a
 * failure replays with FUZZ_SEED (and FUZZ_PATH, from fast-check's report).
 */
const RUNS = Number(process.env.FUZZ_RUNS || 60);
const SEED = process.env.FUZZ_SEED === "random" ? randomInt(2 ** 31 - 1) : Number(process.env.FUZZ_SEED || 20261129);
const PATH = process.env.FUZZ_PATH || undefined;

const generous = { limit: 1_000_000, windowMs: 60_000 };

/** POST mostly; GET (queries only) when the URL stays short enough for any proxy. */
async function send(server: TestServer, operation: GeneratedOperation, overGet: boolean, headers: Record<string, string>): Promise<RawAnswer> {
  const url = `${server.baseUrl}/graphql?${new URLSearchParams({ query: operation.query, variables: JSON.stringify(operation.variables) })}`;
  if (overGet && url.length < 8000) return fetchAnswer(url, { headers: { "apollo-require-preflight": "true", ...headers } });
  return fetchAnswer(`${server.baseUrl}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify(operation),
  });
}

/** How the answers came out, by error code ("data" when none): shows in the report what the runs reached. */
class Outcomes {
  private readonly counts = new Map<string, number>();
  add(answer: RawAnswer): void {
    const codes = new Set((answer.body?.errors ?? []).map((error) => String(error.extensions?.code)));
    for (const code of codes.size ? codes : ["data"]) this.counts.set(code, (this.counts.get(code) ?? 0) + 1);
  }
  toString(): string {
    return [...this.counts]
      .sort((a, b) => b[1] - a[1])
      .map(([code, count]) => `${code} ${count}`)
      .join(", ");
  }
}

const replay = (what: string) => `${what}: FUZZ_SEED=${SEED}${PATH ? ` FUZZ_PATH=${PATH}` : ""} FUZZ_RUNS=${RUNS}`;

describeEachDatabase(
  "fuzzing the contract with hostile variables",
  (server) => {
    let generator: OperationGenerator;
    let editor: Record<string, string>;

    before(async () => {
      const newsroom = await seedNewsroom(server());
      editor = newsroom.editor;
      generator = new OperationGenerator(contract(), newsroom.sources, { maxDepth: 5, maxFields: 4 });
    });

    test("random queries: never a 5xx, a leak, an uncoded error or a hang, and the data unchanged", async (t) => {
      t.diagnostic(replay("queries"));
      const outcomes = new Outcomes();
      const property = fc.asyncProperty(generator.operation("query"), fc.boolean(), fc.boolean(), async (operation, overGet, asEditor) => {
        const before = await dataDigest(server().dataSource);
        const answer = await send(server(), operation, overGet, asEditor ? editor : {});
        outcomes.add(answer);
        assertSafeAnswer(answer, operation, `${overGet ? "GET" : "POST"} ${operation.query}\n${JSON.stringify(operation.variables).slice(0, 2000)}`);
        assert.equal(await dataDigest(server().dataSource), before, `a read changed the data: ${operation.query}`);
      });
      await fc.assert(property, { seed: SEED, path: PATH, numRuns: RUNS, endOnFailure: !!PATH });
      t.diagnostic(`answers: ${outcomes}`);
      assert.equal((await server().data("{ articles(first: 1) { totalCount } }")).articles.totalCount, 6);
    });

    test("random mutations, as a guest and as an editor: data or coded errors, never a 5xx, a leak or a hang", async (t) => {
      t.diagnostic(replay("mutations"));
      const outcomes = new Outcomes();
      const property = fc.asyncProperty(generator.operation("mutation"), fc.constantFrom("guest", "editor", "forged"), async (operation, who) => {
        const headers = who === "editor" ? editor : who === "forged" ? { authorization: `Bearer ${editor.authorization.slice(7, -4)}AAAA` } : {};
        const answer = await send(server(), operation, false, headers);
        outcomes.add(answer);
        assertSafeAnswer(answer, operation, `${who}: ${operation.query}\n${JSON.stringify(operation.variables).slice(0, 2000)}`);
      });
      await fc.assert(property, { seed: SEED, path: PATH, numRuns: Math.ceil(RUNS / 2), endOnFailure: !!PATH });
      t.diagnostic(`answers: ${outcomes}`);
      assert.equal((await server().data("{ __typename }")).__typename, "Query");
    });
  },
  { comments: { settings: { rateLimit: generous, floodLimit: generous }, mail: { deliver: false } } },
);
