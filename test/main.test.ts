import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { createDataSource } from "../ormconfig";
import { DEVELOPMENT_AUTH } from "../src/config";
import { SESSION_AUDIENCE } from "../src/modules/user/auth.service";
import { Role } from "../src/modules/user/role";
import { TokenSigner } from "../src/modules/user/token-signer";
import { PASSWORD, createUser } from "./factories/users";
import { TestDatabase, testDatabaseKinds } from "./helpers/databases";
import { startMain, stopWith } from "./helpers/main-process";

const LOGIN = "mutation($email: String!, $password: String!) { login(email: $email, password: $password) { token } }";

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
      assert.equal((await new TokenSigner(secret).claimsOf(SESSION_AUDIENCE, token))?.sub, String(user.id));
      assert.equal(await new TokenSigner(DEVELOPMENT_AUTH.secret).claimsOf(SESSION_AUDIENCE, token), null);
    });
  });
}
