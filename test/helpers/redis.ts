import Redis from "ioredis";

/** CI and every machine here run Redis on the default port; the suites that need it fail, never skip, without it. */
export const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";

/** How long a test waits for Redis to answer before it fails saying so. */
const REDIS_WAIT_MS = 2000;

/**
 * A client of the test Redis that fails a command at once when Redis is
 * unreachable, instead of retrying forever and logging every refusal.
 */
export function testRedis(url = REDIS_URL): Redis {
  const redis = new Redis(url, { lazyConnect: true, connectTimeout: REDIS_WAIT_MS, maxRetriesPerRequest: 0, retryStrategy: () => null });
  redis.on("error", () => undefined);
  return redis;
}

/**
 * Resolves once the Redis at `url` answers a PING; otherwise fails within
 * about 2 s with a message naming TEST_REDIS_URL. Called before a test
 * server that uses Redis is built, so its clients never start retrying.
 */
export async function requireRedis(url: string): Promise<void> {
  const redis = testRedis(url);
  let cause: Error | undefined;
  redis.on("error", (error: Error) => (cause ??= error));
  try {
    await redis.connect();
    await redis.ping();
  } catch (error) {
    throw new Error(
      `Redis at ${url} is unreachable (${(cause ?? (error as Error)).message}): the tests that need Redis use TEST_REDIS_URL ` +
        `(default redis://127.0.0.1:6379); start Redis there or point TEST_REDIS_URL at one`,
      { cause: error },
    );
  } finally {
    redis.disconnect();
  }
}
