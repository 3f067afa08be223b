import assert from "node:assert/strict";
import { before, test } from "node:test";
import { Like, ObjectLiteral } from "typeorm";
import { Article } from "../src/modules/article/article.entity";
import { Author } from "../src/modules/directory/author/author.entity";
import { Category } from "../src/modules/directory/category/category.entity";
import { Tag } from "../src/modules/directory/tag/tag.entity";
import { Role } from "../src/modules/user/role";
import { User } from "../src/modules/user/user.entity";
import { Webhook } from "../src/modules/webhook/webhook.entity";
import { IdempotencyKey } from "../src/shared/idempotency/idempotency-key.entity";
import { encodeGlobalId } from "../src/shared/global-id";
import { createArticle, createAuthor, createCategory } from "./factories/content";
import { createUser, signIn } from "./factories/users";
import { describeEachDatabase } from "./helpers/each-database";

interface CreateKind {
  mutation: string;
  entity: new () => ObjectLiteral;
  /** The input of call `i`; calls with the same `i` share a key. */
  input(i: number): Record<string, unknown>;
  /** The same call with other input. */
  changed(input: Record<string, unknown>): Record<string, unknown>;
  /** Distinct keys, each sent twice at once. */
  keys: number;
}

describeEachDatabase(
  "idempotent creates",
  (server) => {
    let admin: Record<string, string>;
    let otherAdmin: Record<string, string>;
    let kinds: Record<string, CreateKind>;

    before(async () => {
      const ds = server().dataSource;
      const author = await createAuthor(ds);
      admin = await signIn(server(), await createUser(ds, Role.ADMIN, author));
      otherAdmin = await signIn(server(), await createUser(ds, Role.ADMIN, author));
      const categoryId = encodeGlobalId("Category", (await createCategory(ds)).id);
      const named = (prefix: string) => (i: number) => ({ name: `${prefix} ${i} ${server().kind}` });
      const renamed = (input: Record<string, unknown>) => ({ ...input, name: `${input.name} again` });
      kinds = {
        createArticle: {
          mutation: `mutation($input: CreateArticleInput!) { createArticle(input: $input) { article { id } } }`,
          entity: Article,
          input: (i) => ({ title: `Retried draft ${i}`, body: `Paragraph ${i}.`, categoryId }),
          changed: (input) => ({ ...input, title: `${input.title} again` }),
          keys: 100,
        },
        createAuthor: {
          mutation: `mutation($input: CreateAuthorInput!) { createAuthor(input: $input) { author { id } } }`,
          entity: Author,
          input: named("Author"),
          changed: renamed,
          keys: 100,
        },
        createCategory: {
          mutation: `mutation($input: CreateCategoryInput!) { createCategory(input: $input) { category { id } } }`,
          entity: Category,
          input: named("Section"),
          changed: renamed,
          keys: 100,
        },
        createTag: {
          mutation: `mutation($input: CreateTagInput!) { createTag(input: $input) { tag { id } } }`,
          entity: Tag,
          input: named("Tag"),
          changed: renamed,
          keys: 100,
        },
        createUser: {
          mutation: `mutation($input: CreateUserInput!) { createUser(input: $input) { user { id } } }`,
          entity: User,
          input: (i) => ({ email: `retried${i}-${server().kind}@example.com`, password: "a long enough password", role: "AUTHOR" }),
          changed: (input) => ({ ...input, role: "EDITOR" }),
          // Every call hashes its password with scrypt, which is slow by design: 20 calls stand for 200.
          keys: 10,
        },
        createWebhook: {
          mutation: `mutation($input: CreateWebhookInput!) { createWebhook(input: $input) { webhook { id } secret } }`,
          entity: Webhook,
          // Loopback (allowed on this server), and an event nothing here emits: no delivery is ever attempted.
          input: (i) => ({ url: `http://127.0.0.1:9/hook/${i}`, events: ["COMMENT_APPROVED"] }),
          changed: (input) => ({ ...input, events: ["ARTICLE_PUBLISHED"] }),
          keys: 100,
        },
      };
    });

    const idOf = (body: { data?: Record<string, Record<string, { id: string }>> }, name: string) => Object.values(body.data![name])[0].id;

    for (const name of ["createArticle", "createAuthor", "createCategory", "createTag", "createUser", "createWebhook"]) {
      test(`${name}: concurrent calls, two per key, create one each; each retry gets the first result; other input with a used key is a CONFLICT`, async () => {
        const kind = kinds[name];
        const repository = server().dataSource.getRepository(kind.entity);
        const before = await repository.count();
        const inputs = Array.from({ length: kind.keys }, (_, i) => ({ ...kind.input(i), idempotencyKey: `${name}-${i}` }));
        const responses = await Promise.all([...inputs, ...inputs].map((input) => server().graphql(kind.mutation, { input }, admin)));
        for (const response of responses) assert.equal(response.body.errors, undefined, JSON.stringify(response.body.errors));
        assert.equal(await repository.count(), before + kind.keys);
        const ids = responses.map((response) => idOf(response.body, name));
        assert.deepEqual(ids.slice(kind.keys), ids.slice(0, kind.keys));
        assert.equal(new Set(ids).size, kind.keys);

        const conflict = await server().graphql(kind.mutation, { input: kind.changed(inputs[0]) }, admin);
        assert.equal(conflict.body.errors?.[0].extensions?.code, "CONFLICT");
        assert.equal(conflict.body.errors?.[0].extensions?.field, "idempotencyKey");
        assert.equal(await repository.count(), before + kind.keys);
      });
    }

    test("createWebhook: a retry gets the first call's secret too (the same answer)", async () => {
      const input = { url: "http://127.0.0.1:9/hook/secret", events: ["COMMENT_APPROVED"], idempotencyKey: "secret-retry" };
      const mutation = kinds.createWebhook.mutation;
      const [first, again] = await Promise.all([server().data(mutation, { input }, admin), server().data(mutation, { input }, admin)]);
      assert.deepEqual(again, first);
    });

    test("createPreviewToken: concurrent calls, two per key, get one token per key; a later retry gets the first token; other input is a CONFLICT", async () => {
      const ds = server().dataSource;
      const article = await createArticle(ds, { author: await createAuthor(ds), category: await createCategory(ds) });
      const articleId = encodeGlobalId("Article", article.id);
      const mutation = `mutation($id: ID!, $key: String, $minutes: Int) { createPreviewToken(articleId: $id, idempotencyKey: $key, expiresInMinutes: $minutes) { token expiresAt } }`;
      const keys = Array.from({ length: 100 }, (_, i) => `preview-${i}`);
      const answers = await Promise.all([...keys, ...keys].map((key) => server().graphql(mutation, { id: articleId, key }, admin)));
      for (const answer of answers) assert.equal(answer.body.errors, undefined, JSON.stringify(answer.body.errors));
      const tokens = answers.map((answer) => answer.body.data.createPreviewToken);
      assert.deepEqual(tokens.slice(100), tokens.slice(0, 100));
      const kept = await ds.getRepository(IdempotencyKey).findBy({ operation: Like("createPreviewToken:%") });
      assert.equal(kept.length, 100);
      assert.ok(kept.every((row) => row.resultId === null && row.resultText !== null && !tokens.some((token) => token.token.includes(row.resultText!))));

      // A second later a new token would differ (its issue time does); the retry still gets the first one.
      await new Promise((resolve) => setTimeout(resolve, 1100));
      const fresh = (await server().data(mutation, { id: articleId }, admin)).createPreviewToken;
      const retried = (await server().data(mutation, { id: articleId, key: keys[0] }, admin)).createPreviewToken;
      assert.notEqual(fresh.token, tokens[0].token);
      assert.deepEqual(retried, tokens[0]);
      const read = await server().graphql(`query($id: ID!, $t: String!) { article(id: $id, previewToken: $t) { id } }`, { id: articleId, t: retried.token });
      assert.equal(read.body.data.article.id, articleId);

      const conflict = await server().graphql(mutation, { id: articleId, key: keys[0], minutes: 5 }, admin);
      assert.equal(conflict.body.errors?.[0].extensions?.code, "CONFLICT");
      const badKey = await server().graphql(mutation, { id: articleId, key: "" }, admin);
      assert.equal(badKey.body.errors?.[0].extensions?.field, "idempotencyKey");
    });

    test("a key is its caller's own: another admin's call with the same key creates its own tag", async () => {
      const input = { name: `Shared key ${server().kind}`, idempotencyKey: "shared-key" };
      const mine = await server().graphql(kinds.createTag.mutation, { input }, admin);
      const theirs = await server().graphql(kinds.createTag.mutation, { input: { ...input, name: `${input.name} 2` } }, otherAdmin);
      assert.notEqual(idOf(mine.body, "createTag"), idOf(theirs.body, "createTag"));
    });

    test("an empty, overlong or NUL-bearing key is BAD_USER_INPUT, and nothing is created", async () => {
      const repository = server().dataSource.getRepository(Tag);
      const before = await repository.count();
      for (const idempotencyKey of ["", "k".repeat(256), "a\u0000b"]) {
        const response = await server().graphql(kinds.createTag.mutation, { input: { name: `Bad key ${idempotencyKey.length}`, idempotencyKey } }, admin);
        assert.equal(response.body.errors?.[0].extensions?.code, "BAD_USER_INPUT");
        assert.equal(response.body.errors?.[0].extensions?.field, "input.idempotencyKey");
      }
      assert.equal(await repository.count(), before);
    });
  },
  { webhooks: { allowPrivate: true } },
);
