import assert from "node:assert/strict";

/** What must never reach a client: SQL, the database's name or errors, a stack trace, the server's files. */
export const LEAKS = [
  /\bSELECT\b[\s\S]{0,400}\bFROM\b/,
  /\b(INSERT INTO|DELETE FROM|UPDATE\s+"?\w+"?\s+SET)\b/,
  /sqlite/i,
  /postgres/i,
  /QueryFailedError|TypeORMError|EntityNotFound/,
  /syntax error at or near|violates .* constraint|duplicate key|no such (table|column)|invalid byte sequence/i,
  / {4}at /,
  /\bat [\w$.<>]+ \(/,
  /node_modules|\/dist\/(src|test)\//,
];

/** A request that has not finished by then is a hang, whatever the machine's load: a detector, not a timing test. */
export const HANG_DETECTOR_MS = 30_000;

export interface RawAnswer {
  status: number;
  text: string;
  body: { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] } | null;
}

/** Sends a request and reads the whole answer; a hang fails it after HANG_DETECTOR_MS. */
export async function fetchAnswer(url: string, init: RequestInit): Promise<RawAnswer> {
  const response = await fetch(url, { ...init, signal: AbortSignal.timeout(HANG_DETECTOR_MS) });
  const text = await response.text();
  let body: RawAnswer["body"] = null;
  try {
    body = JSON.parse(text);
  } catch {
    // Judged by assertSafeAnswer: a GraphQL answer is always JSON.
  }
  return { status: response.status, text, body };
}

/**
 * The strings a request carried, as an error may quote them back (GraphQL's
 * coercion errors do): they are the client's own words, not a leak.
 */
function echoesOf(sent: unknown): string[] {
  const strings: string[] = [];
  const walk = (value: unknown): void => {
    if (typeof value === "string") strings.push(value);
    else if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === "object") Object.entries(value).forEach(([key, inner]) => (walk(key), walk(inner)));
  };
  walk(sent);
  return strings
    .filter((text) => text.length >= 3)
    .flatMap((text) => [text, JSON.stringify(text).slice(1, -1)])
    .sort((a, b) => b.length - a.length);
}

/**
 * The contract every answer keeps, whatever was sent: a status under 500,
 * a JSON body, no internals in its errors (once the client's own strings are
 * taken out), every error with a code, and no error the server did not mean
 * to raise.
 */
export function assertSafeAnswer(answer: RawAnswer, sent: unknown, what: string): void {
  const context = `${what}\n→ HTTP ${answer.status} ${answer.text.slice(0, 600)}`;
  assert.ok(answer.status < 500, `a 5xx answer: ${context}`);
  assert.ok(answer.body && typeof answer.body === "object", `not a JSON answer: ${context}`);
  // Errors and extensions are where internals would show; data is the client's to see.
  const body = answer.body as RawAnswer["body"] & { extensions?: unknown };
  const errors = (body?.errors ?? []).map((error) => `${error.message} ${JSON.stringify(error.extensions ?? {})}`);
  let scrubbed = [...errors, JSON.stringify(body?.extensions ?? {})].join("\n");
  for (const echo of echoesOf(sent)) scrubbed = scrubbed.split(echo).join("");
  for (const leak of LEAKS) assert.doesNotMatch(scrubbed, leak, `the answer leaks internals: ${context}`);
  for (const error of body?.errors ?? []) {
    const code = error.extensions?.code;
    assert.equal(typeof code, "string", `an error without extensions.code: ${context}`);
    assert.notEqual(code, "INTERNAL_SERVER_ERROR", `an unexpected server error: ${context}`);
  }
  if (answer.status === 200 && !body?.errors?.length) assert.ok(body?.data, `neither data nor errors: ${context}`);
}
