import assert from "node:assert/strict";
import { setTimeout as sleep } from "node:timers/promises";
import { after, before, test } from "node:test";
import { In } from "typeorm";
import { Article } from "../src/modules/article/article.entity";
import { AuditEvent } from "../src/modules/user/audit/audit-event.entity";
import { ArticleRevision } from "../src/modules/article/revisions/article-revision.entity";
import { encodeGlobalId } from "../src/shared/global-id";
import { Role } from "../src/modules/user/role";
import { createAuthor, createCategory } from "./factories/content";
import { createUser, signIn } from "./factories/users";
import { describeEachDatabase } from "./helpers/each-database";
import { TestServer } from "./helpers/test-server";

/** Both instances look for due articles every few milliseconds, so they race for each one. */
const TICK_MS = 5;

describeEachDatabase(
  "scheduled publishing with two instances on one database",
  (server) => {
    let second: TestServer;

    before(async () => {
      second = await server().sibling({ schedulerIntervalMs: TICK_MS });
    });

    after(async () => {
      await second?.stop();
    });

    test("publishes each scheduled article exactly once, with no request to trigger it", async () => {
      const ds = server().dataSource;
      const author = await createAuthor(ds);
      const category = await createCategory(ds);
      const editor = await signIn(server(), await createUser(ds, Role.EDITOR, author));
      const ids: string[] = [];
      for (let n = 0; n < 5; n++) {
        const { createArticle } = await server().data(
          `mutation($input: CreateArticleInput!) { createArticle(input: $input) { article { id } } }`,
          { input: { title: `Embargoed ${n}`, body: "Under embargo.", categoryId: encodeGlobalId("Category", category.id) } },
          editor,
        );
        ids.push(createArticle.article.id);
      }
      for (const id of ids) {
        const scheduled = await server().data(
          `mutation($id: ID!) { scheduleArticle(id: $id, version: 1, publishAt: "2100-01-01T00:00:00Z") { article { status version } } }`,
          { id },
          editor,
        );
        assert.deepEqual(scheduled.scheduleArticle.article, { status: "SCHEDULED", version: 2 });
      }
      // Their time comes: moved into the past in the database rather than waited for, so no clock decides the test.
      const rowIds = ids.map((id) => Number(Buffer.from(id, "base64url").toString().split(":")[1]));
      await ds.getRepository(Article).update({ id: In(rowIds) }, { publishedAt: new Date(Date.now() - 1000) });

      const feed = () => second.data(`{ articles(filter: { search: "embargo" }) { totalCount } }`);
      while ((await feed()).articles.totalCount < ids.length) await sleep(20);

      for (const id of ids) {
        const { article } = await server().data(`query($id: ID) { article(id: $id) { status version } }`, { id });
        assert.deepEqual(article, { status: "PUBLISHED", version: 3 }, "one publication: one version step");
      }
      const future = await server().data(
        `mutation($input: CreateArticleInput!) { createArticle(input: $input) { article { id } } }`,
        { input: { title: "Far future", body: "Under embargo.", categoryId: encodeGlobalId("Category", category.id) } },
        editor,
      );
      await server().data(
        `mutation($id: ID!) { scheduleArticle(id: $id, version: 1, publishAt: "2100-01-01T00:00:00Z") { article { id } } }`,
        { id: future.createArticle.article.id },
        editor,
      );
      await sleep(TICK_MS * 10);
      assert.equal(
        (await second.data(`query($id: ID) { article(id: $id) { id } }`, { id: future.createArticle.article.id })).article,
        null,
        "not before its time",
      );
      assert.equal((await feed()).articles.totalCount, ids.length);
      const publications = await ds.getRepository(AuditEvent).countBy({ action: "publishScheduled" });
      assert.equal(publications, ids.length, "one audit event per article, whichever instance won");
      const revisions = await ds.getRepository(ArticleRevision).findBy({ articleId: In(rowIds) });
      assert.deepEqual(
        revisions.map((r) => [r.action, r.userId]),
        ids.map(() => ["PUBLISH", null]),
        "one revision per publication, by the system",
      );
    });

    test("a past time is refused", async () => {
      const ds = server().dataSource;
      const editor = await signIn(server(), await createUser(ds, Role.EDITOR, await createAuthor(ds)));
      const { createArticle } = await server().data(
        `mutation($input: CreateArticleInput!) { createArticle(input: $input) { article { id } } }`,
        { input: { title: "Late", body: "Late.", categoryId: encodeGlobalId("Category", (await createCategory(ds)).id) } },
        editor,
      );
      const response = await server().graphql(
        `mutation($id: ID!) { scheduleArticle(id: $id, version: 1, publishAt: "2000-01-01T00:00:00Z") { article { id } } }`,
        { id: createArticle.article.id },
        editor,
      );
      assert.equal(response.body.errors?.[0].extensions?.field, "publishAt");
    });
  },
  { schedulerIntervalMs: TICK_MS },
);
