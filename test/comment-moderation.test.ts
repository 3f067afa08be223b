import assert from "node:assert/strict";
import { before, test } from "node:test";
import { createLogger } from "../src/logger";
import { Article } from "../src/modules/article/article.entity";
import { createCommentServices } from "../src/modules/comment/comment-services";
import { CommentStatus } from "../src/modules/comment/comment-status";
import { decodeGlobalIdOf, encodeGlobalId } from "../src/modules/node/global-id";
import { createArticle, createAuthor, createCategory } from "./factories/content";
import { describeEachDatabase } from "./helpers/each-database";

describeEachDatabase(
  "moderating comments",
  (server) => {
    let article: Article;
    before(async () => {
      const author = await createAuthor(server().dataSource);
      article = await createArticle(server().dataSource, { author, category: await createCategory(server().dataSource) });
    });

    test("holds everything under COMMENT_MODERATION=all; approving shows it and keeps commentCount exact through every change", async () => {
      const { addComment } = await server().data(`mutation($id: ID!) { addComment(input: { articleId: $id, authorName: "M", authorEmail: "m@example.com", body: "Hi" }) { comment { id status } } }`, {
        id: encodeGlobalId("Article", article.id),
      });
      assert.equal(addComment.comment.status, "PENDING");
      const count = async () => (await server().data(`query($s: String!) { article(slug: $s) { commentCount comments { totalCount } } }`, { s: article.slug })).article;
      assert.deepEqual(await count(), { commentCount: 0, comments: { totalCount: 0 } });

      const moderation = createCommentServices(server().dataSource, createLogger("silent"), { mail: { deliver: false } });
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
      await assert.rejects(moderation.commentModeration.moderate(999_999, CommentStatus.APPROVED), (error: Error & { extensions?: Record<string, unknown> }) => error.extensions?.code === "NOT_FOUND");
      await moderation.closeComments();
    });
  },
  { comments: { settings: { moderation: "all" }, mail: { deliver: false } } },
);
