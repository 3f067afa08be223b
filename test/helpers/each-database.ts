import { after, before, describe } from "node:test";
import { testDatabaseKinds } from "./databases";
import { ServerDeps } from "../../src/server";
import { TestServer } from "./test-server";

/**
 * Declares the suite once per database kind (SQLite, and PostgreSQL when
 * TEST_DATABASE_URL is set), each against its own server and fresh database.
 * `server()` is the running server inside the suite's tests; `options`
 * override the server's dependencies (limits, loader options), or make
 * them afresh for each database (a Redis key prefix of its own).
 */
export function describeEachDatabase(
  title: string,
  suite: (server: () => TestServer) => void,
  options: Partial<ServerDeps> | (() => Partial<ServerDeps>) = {},
): void {
  for (const kind of testDatabaseKinds()) {
    describe(`${title} [${kind.name}]`, () => {
      let running: TestServer | undefined;
      before(async () => {
        running = await TestServer.start(kind, typeof options === "function" ? options() : options);
      });
      after(async () => {
        await running?.stop();
      });
      suite(() => {
        if (!running) throw new Error("the test server has not started");
        return running;
      });
    });
  }
}
