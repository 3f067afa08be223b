import assert from "node:assert/strict";
import { before, test } from "node:test";
import { createLogger } from "../src/logger";
import { Article } from "../src/modules/article/article.entity";
import { createServices } from "../src/services";
import { CommentStatus } from "../src/modules/comment/comment-status";
import { decodeGlobalIdOf, encodeGlobalId } from "../src/shared/global-id";
import { AuditEvent } from "../src/modules/user/audit/audit-event.entity";
import { Role } from "../src/modules/user/role";
import { createArticle, createAuthor, createCategory } from "./factories/content";
import { createUser, signIn } from "./factories/users";
import { describeEachDatabase } from "./helpers/each-database";

const MODERATE = `mutation($id: ID!, $status: CommentStatus!) { moderateComment(id: $id, status: $status) { id status } }`;

describeEachDatabase(
  "moderating comments",
  (server) => {
    let article: Article;
    before(async () => {
      const author = await createAuthor(server().dataSource);
      article = await createArticle(server().dataSource, { author, category: await createCategory(server().dataSource) });
    });

    test("holds everything under COMMENT_MODERATION=all; approving shows it and keeps commentCount exact through every change", async () => {
      const { addComment } = await server().data(
        `mutation($id: ID!) { addComment(input: { articleId: $id, authorName: "M", authorEmail: "m@example.com", body: "Hi" }) { comment { id status } } }`,
        {
          id: encodeGlobalId("Article", article.id),
        },
      );
      assert.equal(addComment.comment.status, "PENDING");
      const count = async () =>
        (await server().data(`query($s: String!) { article(slug: $s) { commentCount comments { totalCount } } }`, { s: article.slug })).article;
      assert.deepEqual(await count(), { commentCount: 0, comments: { totalCount: 0 } });

      const moderation = createServices(server().dataSource, { logger: createLogger("silent"), comments: { mail: { deliver: false } } });
      const id = decodeGlobalIdOf("Comment", addComment.comment.id, "id");
      const steps: [CommentStatus, number][] = [
        [CommentStatus.APPROVED, 1],
        [CommentStatus.APPROVED, 1],
        [CommentStatus.SPAM, 0],
        [CommentStatus.APPROVED, 1],
        [CommentStatus.DELETED, 0],
      ];
      for (const [status, expected] of steps) {
        assert.equal((await moderation.commentModeration.moderate(id, status)).status, status);
        assert.deepEqual(await count(), { commentCount: expected, comments: { totalCount: expected } }, status);
      }
      await assert.rejects(
        moderation.commentModeration.moderate(999_999, CommentStatus.APPROVED),
        (error: Error & { extensions?: Record<string, unknown> }) => error.extensions?.code === "NOT_FOUND",
      );
      await moderation.closeComments();
    });

    test("over HTTP, editors and admins moderate: approved comments appear and are counted once, rejected ones stay hidden", async () => {
      const ds = server().dataSource;
      const add = async (body: string) =>
        (
          await server().data(
            `mutation($id: ID!, $body: String!) { addComment(input: { articleId: $id, authorName: "Pat", authorEmail: "pat@example.com", body: $body }) { comment { id status } } }`,
            {
              id: encodeGlobalId("Article", article.id),
              body,
            },
          )
        ).addComment.comment;
      const visible = async () => {
        const { article: page } = await server().data(
          `query($s: String!) { article(slug: $s) { commentCount comments(first: 100) { totalCount nodes { id } } } }`,
          { s: article.slug },
        );
        return { count: page.commentCount, total: page.comments.totalCount, ids: page.comments.nodes.map((node: { id: string }) => node.id) };
      };
      const before = await visible();
      const headers: Record<string, Record<string, string>> = { reader: {} };
      for (const role of Object.values(Role)) headers[role] = await signIn(server(), await createUser(ds, role));

      const pending = await add("Please approve me");
      assert.equal(pending.status, "PENDING");
      for (const [who, code] of [
        ["reader", "UNAUTHENTICATED"],
        [Role.CONTRIBUTOR, "FORBIDDEN"],
        [Role.AUTHOR, "FORBIDDEN"],
      ]) {
        const response = await server().graphql(MODERATE, { id: pending.id, status: "APPROVED" }, headers[who]);
        assert.equal(response.body.errors?.[0].extensions?.code, code, who);
      }
      assert.deepEqual(await visible(), before, "refused attempts changed nothing");

      assert.deepEqual((await server().data(MODERATE, { id: pending.id, status: "APPROVED" }, headers[Role.EDITOR])).moderateComment, {
        id: pending.id,
        status: "APPROVED",
      });
      await server().data(MODERATE, { id: pending.id, status: "APPROVED" }, headers[Role.ADMIN]);
      const approved = await visible();
      assert.deepEqual([approved.count, approved.total], [before.count + 1, before.total + 1], "counted once, however often approved");
      assert.ok(approved.ids.includes(pending.id));

      const spam = await add("Buy things");
      assert.equal((await server().data(MODERATE, { id: spam.id, status: "SPAM" }, headers[Role.ADMIN])).moderateComment.status, "SPAM");
      const after = await visible();
      assert.deepEqual([after.count, after.total], [approved.count, approved.total]);
      assert.ok(!after.ids.includes(spam.id), "a rejected comment stays hidden");

      const trail = await ds.getRepository(AuditEvent).find({ where: { action: "moderateComment" }, order: { id: "ASC" } });
      assert.deepEqual(
        trail.slice(-2).map((event) => [event.objectId, event.detail]),
        [
          [decodeGlobalIdOf("Comment", pending.id, "id"), "PENDING -> APPROVED"],
          [decodeGlobalIdOf("Comment", spam.id, "id"), "PENDING -> SPAM"],
        ],
        "one event per change; approving twice changed nothing the second time",
      );
      assert.ok(trail.slice(-2).every((event) => event.userId !== null));
    });
  },
  { comments: { settings: { moderation: "all" }, mail: { deliver: false } } },
);
