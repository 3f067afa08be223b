import assert from "node:assert/strict";
import { before, test } from "node:test";
import { loadConfig } from "../src/config";
import { Author } from "../src/modules/directory/author/author.entity";
import { Role } from "../src/modules/user/role";
import { User } from "../src/modules/user/user.entity";
import { createAuthor } from "./factories/content";
import { PASSWORD, createUser, signIn } from "./factories/users";
import { describeEachDatabase } from "./helpers/each-database";

const LOGIN = `mutation($email: String!, $password: String!) {
  login(email: $email, password: $password) { token user { email role author { name } } }
}`;
const VIEWER = `{ viewer { id email role author { name } } }`;

describeEachDatabase("signing in", (server) => {
  let author: Author;
  let user: User;

  before(async () => {
    author = await createAuthor(server().dataSource, { name: "Wren Writer" });
    user = await createUser(server().dataSource, Role.AUTHOR, author);
  });

  test("login returns a token that makes the user the viewer", async () => {
    const { login } = await server().data(LOGIN, { email: user.email.toUpperCase(), password: PASSWORD });
    assert.deepEqual(login.user, { email: user.email, role: "AUTHOR", author: { name: "Wren Writer" } });
    const { viewer } = await server().data(VIEWER, {}, { authorization: `Bearer ${login.token}` });
    assert.equal(viewer.email, user.email);
    assert.equal(viewer.author.name, "Wren Writer");
  });

  test("a reader, a forged token and a malformed header have no viewer", async () => {
    assert.equal((await server().data(VIEWER)).viewer, null);
    const headers = await signIn(server(), user);
    const forged = headers.authorization.slice(0, -4) + "AAAA";
    for (const authorization of [forged, "Bearer", "Basic abc", `Bearer ${"x".repeat(5000)}`]) {
      assert.equal((await server().data(VIEWER, {}, { authorization })).viewer, null, authorization.slice(0, 20));
    }
  });

  test("an unknown email and a wrong password get the same error", async () => {
    const unknown = await server().graphql(LOGIN, { email: "nobody@example.com", password: PASSWORD });
    const wrong = await server().graphql(LOGIN, { email: user.email, password: "not the password" });
    assert.deepEqual(
      unknown.body.errors?.map((e) => [e.message, e.extensions?.code]),
      [["Wrong email or password.", "UNAUTHENTICATED"]],
    );
    assert.deepEqual(
      wrong.body.errors?.map((e) => [e.message, e.extensions?.code]),
      unknown.body.errors?.map((e) => [e.message, e.extensions?.code]),
    );
  });

  test("repeated failures lock the account's sign-in, even with the right password", async () => {
    const target = await createUser(server().dataSource, Role.EDITOR);
    for (let attempt = 0; attempt < 5; attempt++) {
      const response = await server().graphql(LOGIN, { email: target.email, password: `guess ${attempt}` });
      assert.equal(response.body.errors?.[0].extensions?.code, "UNAUTHENTICATED");
    }
    const blocked = await server().graphql(LOGIN, { email: target.email, password: PASSWORD });
    assert.equal(blocked.body.errors?.[0].extensions?.code, "RATE_LIMITED");
    assert.ok(blocked.body.errors?.[0].extensions?.retryAfter > 0);
    const other = await server().data(LOGIN, { email: user.email, password: PASSWORD });
    assert.ok(other.login.token, "other accounts are not affected");
  });

  test("no password hash is part of the schema, and no user is reachable by a reader", async () => {
    const { __type } = await server().data(`{ __type(name: "User") { fields { name } } }`);
    assert.deepEqual(__type.fields.map((f: { name: string }) => f.name).sort(), ["author", "disabled", "email", "id", "role", "version"]);
    const { login } = await server().data(LOGIN, { email: user.email, password: PASSWORD });
    const { viewer } = await server().data(VIEWER, {}, { authorization: `Bearer ${login.token}` });
    const response = await server().graphql(`query($id: ID!) { node(id: $id) { id } }`, { id: viewer.id });
    assert.equal(response.body.data?.node ?? null, null);
    assert.doesNotMatch(JSON.stringify(response.body), /@example\.com|scrypt/);
  });
});

test("production refuses to start without a JWT secret and a comment token secret", () => {
  assert.throws(() => loadConfig({ NODE_ENV: "production" }), /JWT_SECRET/);
  assert.throws(() => loadConfig({ NODE_ENV: "production", JWT_SECRET: "short" }), /JWT_SECRET/);
  assert.throws(() => loadConfig({ NODE_ENV: "production", JWT_SECRET: "s".repeat(40) }), /COMMENT_TOKEN_SECRET/);
  const production = loadConfig({ NODE_ENV: "production", JWT_SECRET: "s".repeat(40), COMMENT_TOKEN_SECRET: "c".repeat(40) });
  assert.equal(production.auth.secret, "s".repeat(40));
  assert.equal(production.comments.settings?.tokenSecret, "c".repeat(40));
});
