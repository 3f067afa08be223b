import assert from "node:assert/strict";
import { test } from "node:test";
import { DEFAULT_REDIS, DEFAULT_REPLICAS, loadConfig } from "../src/config";

const PRIMARY = "postgres://root@127.0.0.1:5432/broadsheet";

test("reads replicas, their lag bound and the Redis bound from the environment, with defaults", () => {
  assert.deepEqual(loadConfig({}).replicas, DEFAULT_REPLICAS);
  assert.deepEqual(loadConfig({}).redis, DEFAULT_REDIS);
  const config = loadConfig({
    DATABASE_URL: PRIMARY,
    DATABASE_REPLICA_URLS: " postgres://r1:5432/broadsheet, postgresql://r2:5432/broadsheet ,",
    REPLICA_MAX_LAG_MS: "2000",
    REPLICA_CHECK_INTERVAL_MS: "500",
    REDIS_TIMEOUT_MS: "100",
  });
  assert.deepEqual(config.replicas, { urls: ["postgres://r1:5432/broadsheet", "postgresql://r2:5432/broadsheet"], maxLagMs: 2000, checkIntervalMs: 500 });
  assert.equal(config.redis.timeoutMs, 100);
});

test("refuses replica and Redis settings that cannot work, naming the variable", () => {
  assert.throws(
    () => loadConfig({ DATABASE_URL: PRIMARY, DATABASE_REPLICA_URLS: "mysql://r1/broadsheet" }),
    /DATABASE_REPLICA_URLS must list postgres:\/\/ URLs/,
  );
  assert.throws(() => loadConfig({ DATABASE_REPLICA_URLS: "postgres://r1/broadsheet" }), /DATABASE_REPLICA_URLS needs a postgres:\/\/ DATABASE_URL/);
  assert.throws(() => loadConfig({ REPLICA_CHECK_INTERVAL_MS: "0" }), /REPLICA_CHECK_INTERVAL_MS must be at least 1/);
  assert.throws(() => loadConfig({ REPLICA_MAX_LAG_MS: "soon" }), /REPLICA_MAX_LAG_MS must be a non-negative integer/);
  assert.throws(() => loadConfig({ REDIS_TIMEOUT_MS: "-1" }), /REDIS_TIMEOUT_MS must be a non-negative integer/);
  assert.throws(() => loadConfig({ REDIS_TIMEOUT_MS: "0" }), /REDIS_TIMEOUT_MS must be at least 1/);
});
