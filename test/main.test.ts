import assert from "node:assert/strict";
import { ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { after, before, describe, test } from "node:test";
import { createDataSource } from "../ormconfig";
import { DEVELOPMENT_AUTH } from "../src/config";
import { SESSION_AUDIENCE } from "../src/modules/user/auth.service";
import { Role } from "../src/modules/user/role";
import { TokenSigner } from "../src/modules/user/token-signer";
import { PASSWORD, createUser } from "./factories/users";
import { TestDatabase, testDatabaseKinds } from "./helpers/databases";

const LOGIN = "mutation($email: String!, $password: String!) { login(email: $email, password: $password) { token } }";

const MAIN = join(__dirname, "..", "src", "main.js");

interface Running {
  process: ChildProcess;
  baseUrl: string;
}

/** Starts `node dist/src/main.js` as `npm start` does and waits for its "serving" log line. */
async function startMain(databaseUrl: string, env: Record<string, string> = {}): Promise<Running> {
  const child = spawn(process.execPath, [MAIN], {
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: "0", DEMO_ARTICLES: "30", LOG_LEVEL: "info", ...env },
    stdio: ["ignore", "pipe", "inherit"],
  });
  for await (const line of createInterface({ input: child.stdout! })) {
    const entry = JSON.parse(line) as { port?: number };
    if (entry.port) return { process: child, baseUrl: `http://127.0.0.1:${entry.port}` };
  }
  throw new Error("the server exited before serving");
}

async function stopWith(running: Running, signal: NodeJS.Signals): Promise<number | null> {
  running.process.kill(signal);
  const [code] = await once(running.process, "exit");
  return code as number | null;
}

async function totalArticles(baseUrl: string): Promise<number> {
  const response = await fetch(`${baseUrl}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query: "{ articles(first: 1) { totalCount } }" }),
  });
  const body = (await response.json()) as { data: { articles: { totalCount: number } } };
  return body.data.articles.totalCount;
}

for (const kind of testDatabaseKinds()) {
  describe(`npm start [${kind.name}]`, () => {
    let database: TestDatabase;
    before(async () => {
      database = await kind.create();
    });
    after(async () => {
      await database.drop();
    });

    test("migrates and seeds an empty database, serves it, and exits cleanly on SIGTERM", async () => {
      const running = await startMain(database.url);
      const total = await totalArticles(running.baseUrl);
      assert.ok(total > 20 && total <= 30, `demo content served (${total} published articles)`);
      assert.equal((await fetch(`${running.baseUrl}/readyz`)).status, 200);
      assert.equal(await stopWith(running, "SIGTERM"), 0);
    });

    test("restarts on the same database without seeding it again, and exits cleanly on SIGINT", async () => {
      const first = await startMain(database.url);
      const total = await totalArticles(first.baseUrl);
      assert.equal(await stopWith(first, "SIGINT"), 0);
      const second = await startMain(database.url);
      assert.equal(await totalArticles(second.baseUrl), total);
      assert.equal(await stopWith(second, "SIGTERM"), 0);
    });

    test("signs sign-in tokens with the configured JWT_SECRET, not the development key", async () => {
      const secret = "a-production-grade-secret-of-forty-chars!";
      const dataSource = await createDataSource(database.url).initialize();
      const user = await createUser(dataSource, Role.EDITOR);
      await dataSource.destroy();
      const running = await startMain(database.url, { JWT_SECRET: secret });
      const response = await fetch(`${running.baseUrl}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query: LOGIN, variables: { email: user.email, password: PASSWORD } }),
      });
      const { token } = ((await response.json()) as { data: { login: { token: string } } }).data.login;
      assert.equal(await stopWith(running, "SIGTERM"), 0);
      assert.equal(await new TokenSigner(secret).subjectOf(SESSION_AUDIENCE, token), String(user.id));
      assert.equal(await new TokenSigner(DEVELOPMENT_AUTH.secret).subjectOf(SESSION_AUDIENCE, token), null);
    });
  });
}
