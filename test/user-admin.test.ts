import assert from "node:assert/strict";
import { before, test } from "node:test";
import { IsNull, Not } from "typeorm";
import { encodeGlobalId } from "../src/shared/global-id";
import { Role } from "../src/modules/user/role";
import { User } from "../src/modules/user/user.entity";
import { createAuthor } from "./factories/content";
import { PASSWORD, createUser, signIn } from "./factories/users";
import { describeEachDatabase } from "./helpers/each-database";
import { readAllPages } from "./helpers/paging";

const USER = `id email role disabled version author { slug }`;
const CREATE = `mutation($input: CreateUserInput!) { createUser(input: $input) { user { ${USER} } } }`;
const UPDATE = `mutation($input: UpdateUserInput!) { updateUser(input: $input) { user { ${USER} } } }`;
const RESET = `mutation($input: ResetUserPasswordInput!) { resetUserPassword(input: $input) { user { ${USER} } } }`;
const DELETE = `mutation($id: ID!) { deleteUser(id: $id) }`;
const LOGIN = `mutation($email: String!, $password: String!) { login(email: $email, password: $password) { token } }`;
const VIEWER = `{ viewer { email } }`;

describeEachDatabase("managing users", (server) => {
  let admin: Record<string, string>;
  let adminUser: User;

  before(async () => {
    adminUser = await createUser(server().dataSource, Role.ADMIN);
    admin = await signIn(server(), adminUser);
  });

  const create = async (email: string, role = "AUTHOR", extra: Record<string, unknown> = {}) =>
    (await server().data(CREATE, { input: { email, password: PASSWORD, role, ...extra } }, admin)).createUser.user;
  const codeOf = (response: { body: { errors?: { extensions?: Record<string, unknown> }[] } }) => response.body.errors?.[0].extensions?.code;

  test("an admin creates accounts and lists them by email, a page at a time, optionally by role", async () => {
    const byline = await createAuthor(server().dataSource, { slug: "linked-byline" });
    const made = await create("Zed@Example.com", "CONTRIBUTOR", { authorId: encodeGlobalId("Author", byline.id) });
    assert.deepEqual(
      { ...made, id: undefined },
      { id: undefined, email: "zed@example.com", role: "CONTRIBUTOR", disabled: false, version: 1, author: { slug: "linked-byline" } },
    );
    await create("amy@example.com", "EDITOR");
    const { login } = await server().data(LOGIN, { email: "zed@example.com", password: PASSWORD });
    assert.equal((await server().data(VIEWER, {}, { authorization: `Bearer ${login.token}` })).viewer.email, "zed@example.com", "the new account signs in");

    const read = async (args: Record<string, unknown>) => {
      const page = (
        await server().data(
          `query($first: Int, $after: String) { users(first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { email } } }`,
          args,
          admin,
        )
      ).users;
      return { items: page.nodes.map((node: { email: string }) => node.email), pageInfo: page.pageInfo };
    };
    const emails = await readAllPages(read, 2, "forwards");
    assert.deepEqual(emails, [...emails].sort(), "by email");
    assert.ok(emails.includes("amy@example.com") && emails.includes("zed@example.com"));
    const editors = (await server().data(`{ users(role: EDITOR, first: 100) { nodes { role } } }`, {}, admin)).users.nodes;
    assert.ok(editors.length >= 1 && editors.every((user: { role: string }) => user.role === "EDITOR"));
  });

  test("names the offending field of bad input", async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ email: "not-an-email" }, "input.email"],
      [{ email: "amy@example.com" }, "input.email"],
      [{ password: "short" }, "input.password"],
      [{ password: "twelve chars\u0000 and a NUL" }, "input.password"],
      [{ password: "a lone \uD800 surrogate here" }, "input.password"],
      [{ authorId: encodeGlobalId("Author", 999_999) }, "input.authorId"],
      [{ authorId: "garbage" }, "input.authorId"],
    ];
    for (const [override, field] of cases) {
      const response = await server().graphql(CREATE, { input: { email: "fresh@example.com", password: PASSWORD, role: "AUTHOR", ...override } }, admin);
      assert.equal(codeOf(response), "BAD_USER_INPUT", JSON.stringify(override));
      assert.equal(response.body.errors?.[0].extensions?.field, field);
    }
  });

  test("no one but an admin sees other accounts or their emails", async () => {
    const editor = await signIn(server(), await createUser(server().dataSource, Role.EDITOR));
    for (const [headers, code] of [
      [editor, "FORBIDDEN"],
      [{}, "UNAUTHENTICATED"],
    ] as const) {
      const response = await server().graphql(`{ users { nodes { email } } }`, {}, headers);
      assert.equal(codeOf(response), code);
      assert.doesNotMatch(JSON.stringify(response.body), /@example\.com|scrypt/);
    }
  });

  test("changes role and byline at the version read; a stale version is a CONFLICT", async () => {
    const user = await create("changing@example.com");
    const byline = await createAuthor(server().dataSource, { slug: "new-byline" });
    const promoted = (await server().data(UPDATE, { input: { id: user.id, version: 1, role: "EDITOR", authorId: encodeGlobalId("Author", byline.id) } }, admin))
      .updateUser.user;
    assert.deepEqual([promoted.role, promoted.author.slug, promoted.version], ["EDITOR", "new-byline", 2]);
    const stale = await server().graphql(UPDATE, { input: { id: user.id, version: 1, role: "AUTHOR" } }, admin);
    assert.equal(codeOf(stale), "CONFLICT");
    assert.equal(stale.body.errors?.[0].extensions?.currentVersion, 2);
    const unlinked = (await server().data(UPDATE, { input: { id: user.id, version: 2, authorId: null } }, admin)).updateUser.user;
    assert.equal(unlinked.author, null);
  });

  test("a disabled account cannot sign in and its tokens stop working; enabling it needs a new sign-in", async () => {
    const user = await create("leaving@example.com", "EDITOR");
    const { login } = await server().data(LOGIN, { email: "leaving@example.com", password: PASSWORD });
    const session = { authorization: `Bearer ${login.token}` };
    assert.equal((await server().data(VIEWER, {}, session)).viewer.email, "leaving@example.com");

    const disabled = (await server().data(UPDATE, { input: { id: user.id, version: 1, disabled: true } }, admin)).updateUser.user;
    assert.equal(disabled.disabled, true);
    assert.equal((await server().data(VIEWER, {}, session)).viewer, null, "the old token identifies no one");
    const write = await server().graphql(`mutation { createTag(input: { name: "Nope" }) { tag { id } } }`, {}, session);
    assert.equal(codeOf(write), "UNAUTHENTICATED");
    assert.equal(codeOf(await server().graphql(LOGIN, { email: "leaving@example.com", password: PASSWORD })), "UNAUTHENTICATED");

    await server().data(UPDATE, { input: { id: user.id, version: 2, disabled: false } }, admin);
    assert.equal((await server().data(VIEWER, {}, session)).viewer, null, "re-enabling does not revive old tokens");
    const again = await server().data(LOGIN, { email: "leaving@example.com", password: PASSWORD });
    assert.equal((await server().data(VIEWER, {}, { authorization: `Bearer ${again.login.token}` })).viewer.email, "leaving@example.com");
  });

  test("resetting a password ends the account's sessions; only the new password signs in", async () => {
    const user = await create("forgetful@example.com");
    const { login } = await server().data(LOGIN, { email: "forgetful@example.com", password: PASSWORD });
    const fresh = "a brand new passphrase";
    const reset = (await server().data(RESET, { input: { id: user.id, password: fresh } }, admin)).resetUserPassword.user;
    assert.equal(reset.version, 2);
    assert.equal((await server().data(VIEWER, {}, { authorization: `Bearer ${login.token}` })).viewer, null);
    assert.equal(codeOf(await server().graphql(LOGIN, { email: "forgetful@example.com", password: PASSWORD })), "UNAUTHENTICATED");
    assert.ok((await server().data(LOGIN, { email: "forgetful@example.com", password: fresh })).login.token);
    const short = await server().graphql(RESET, { input: { id: user.id, password: "short" } }, admin);
    assert.equal(short.body.errors?.[0].extensions?.field, "input.password");
  });

  test("an account that acted is disabled, not deleted; one that never acted is deleted", async () => {
    const idle = await create("idle@example.com");
    assert.equal((await server().data(DELETE, { id: idle.id }, admin)).deleteUser, true);
    assert.equal(codeOf(await server().graphql(LOGIN, { email: "idle@example.com", password: PASSWORD })), "UNAUTHENTICATED");
    assert.equal(codeOf(await server().graphql(DELETE, { id: idle.id }, admin)), "NOT_FOUND");

    const active = await create("active@example.com");
    await server().data(LOGIN, { email: "active@example.com", password: PASSWORD });
    const refused = await server().graphql(DELETE, { id: active.id }, admin);
    assert.equal(codeOf(refused), "CONFLICT");
    assert.equal(refused.body.errors?.[0].extensions?.auditEvents, 1);
    assert.match(refused.body.errors![0].message, /Disable it instead/);
  });

  test("the last enabled ADMIN cannot be demoted, disabled or deleted; two admins demoting each other at once leave one", async () => {
    const ds = server().dataSource;
    await ds.getRepository(User).update({ role: Role.ADMIN, id: Not(adminUser.id) }, { disabledAt: new Date() });
    const self = encodeGlobalId("User", adminUser.id);
    const version = () =>
      ds
        .getRepository(User)
        .findOneByOrFail({ id: adminUser.id })
        .then((user) => user.version);
    for (const change of [{ role: "EDITOR" }, { disabled: true }]) {
      const response = await server().graphql(UPDATE, { input: { id: self, version: await version(), ...change } }, admin);
      assert.equal(codeOf(response), "CONFLICT", JSON.stringify(change));
      assert.match(response.body.errors![0].message, /last enabled ADMIN/);
    }
    assert.equal(codeOf(await server().graphql(DELETE, { id: self }, admin)), "CONFLICT");

    const other = await create("second-admin@example.com", "ADMIN");
    const otherAdmin = await signIn(server(), await ds.getRepository(User).findOneByOrFail({ email: "second-admin@example.com" }));
    const responses = await Promise.all([
      server().graphql(UPDATE, { input: { id: other.id, version: 1, role: "EDITOR" } }, admin),
      server().graphql(UPDATE, { input: { id: self, version: await version(), role: "EDITOR" } }, otherAdmin),
    ]);
    assert.equal(responses.filter((response) => !response.body.errors).length, 1, JSON.stringify(responses.map((r) => r.body.errors)));
    const loser = responses.find((response) => response.body.errors)!;
    assert.ok(["CONFLICT", "FORBIDDEN"].includes(codeOf(loser) as string), `the other is refused: ${codeOf(loser)}`);
    assert.equal(await ds.getRepository(User).countBy({ role: Role.ADMIN, disabledAt: IsNull() }), 1, "exactly one enabled admin remains");
  });
});
