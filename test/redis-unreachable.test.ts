import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { test } from "node:test";
import { closedPort } from "./helpers/entry-points";

/**
 * A suite that needs Redis, run with TEST_REDIS_URL on a port where nothing
 * listens (the shared Redis is never stopped): it must fail saying so, not
 * hang retrying or print every refused connection. The timeout only turns
 * a hang into a failure.
 */
test("a suite that needs Redis fails fast, naming TEST_REDIS_URL, when Redis is unreachable", async () => {
  const url = `redis://127.0.0.1:${await closedPort()}`;
  // Without the runner's own NODE_TEST_CONTEXT, the child reports as a run of its own.
  const { NODE_TEST_CONTEXT: _runner, ...env } = process.env;
  const run = spawnSync(process.execPath, ["--test", "--test-reporter=spec", join(__dirname, "redis-scale-out.test.js")], {
    env: { ...env, TEST_REDIS_URL: url },
    encoding: "utf8",
    timeout: 120_000,
  });
  const output = run.stdout + run.stderr;
  assert.equal(run.signal, null, "the suite finished by itself");
  assert.notEqual(run.status, 0);
  assert.match(output, new RegExp(`Redis at ${url} is unreachable \\(connect ECONNREFUSED [^)]*\\): the tests that need Redis use TEST_REDIS_URL`));
  const refusals = output.match(/ECONNREFUSED/g)?.length ?? 0;
  const suites = output.match(/is unreachable/g)?.length ?? 0;
  assert.equal(refusals, suites, "one refusal reported per suite, no flood");
});
