import assert from "node:assert/strict";
import { before, test } from "node:test";
import { Article } from "../src/modules/article/article.entity";
import { Comment } from "../src/modules/comment/comment.entity";
import { encodeGlobalId } from "../src/shared/global-id";
import { createArticle, createAuthor, createCategory } from "./factories/content";
import { describeEachDatabase } from "./helpers/each-database";

const ADD = `mutation Add($input: AddCommentInput!) {
  addComment(input: $input) { editToken comment { id authorName body status anchor { blockId quote } parent { id } } }
}`;

const generous = { limit: 10_000, windowMs: 60_000 };

describeEachDatabase(
  "posting comments",
  (server) => {
    let article: Article;
    let other: Article;
    let sequence = 0;
    const input = (overrides: Record<string, unknown> = {}) => ({
      articleId: encodeGlobalId("Article", article.id),
      authorName: "Ada",
      authorEmail: `ada${++sequence}@example.com`,
      body: "A fine piece.",
      ...overrides,
    });
    const add = (overrides: Record<string, unknown> = {}) => server().graphql(ADD, { input: input(overrides) });
    const commentCount = async (target = article) =>
      (await server().data(`query($slug: String!) { article(slug: $slug) { commentCount } }`, { slug: target.slug })).article.commentCount;

    before(async () => {
      const author = await createAuthor(server().dataSource);
      const category = await createCategory(server().dataSource);
      article = await createArticle(server().dataSource, { author, category });
      other = await createArticle(server().dataSource, { author, category });
    });

    test("posts a comment and a reply that readers see at once, counted in commentCount", async () => {
      const before = await commentCount();
      const first = await add({ body: "First!\n\nSecond paragraph,\nsame paragraph." });
      assert.equal(first.body.errors, undefined);
      const comment = first.body.data.addComment.comment;
      assert.equal(comment.status, "APPROVED");
      assert.equal(comment.body, "<p>First!</p><p>Second paragraph,<br />same paragraph.</p>");
      assert.ok(first.body.data.addComment.editToken);

      const reply = await add({ parentId: comment.id, body: "Agreed." });
      assert.deepEqual(reply.body.data.addComment.comment.parent, { id: comment.id });
      assert.equal(await commentCount(), before + 2);

      const { node } = await server().data(`query($id: ID!) { node(id: $id) { ... on Comment { replyCount replies { nodes { body } } } } }`, {
        id: comment.id,
      });
      assert.deepEqual(node, { replyCount: 1, replies: { nodes: [{ body: "<p>Agreed.</p>" }] } });
      assert.doesNotMatch(JSON.stringify(first.body), /@example\.com/);
    });

    test("refuses bad input with BAD_USER_INPUT naming the field, storing nothing", async () => {
      const { id: otherComment } = (await add({ articleId: encodeGlobalId("Article", other.id) })).body.data.addComment.comment;
      const before = await server().dataSource.getRepository(Comment).count();
      const cases: [Record<string, unknown>, string][] = [
        [{ authorName: "  " }, "input.authorName"],
        [{ authorName: "x".repeat(81) }, "input.authorName"],
        [{ authorEmail: "not-an-email" }, "input.authorEmail"],
        [{ body: "" }, "input.body"],
        [{ body: "x".repeat(10_001) }, "input.body"],
        [{ body: "nul \u0000 byte" }, "input.body"],
        [{ body: "lone \ud800 surrogate" }, "input.body"],
        [{ authorName: "bad \udc00" }, "input.authorName"],
        [{ body: "<script>alert(1)</script>" }, "input.body"],
        [{ articleId: "nope" }, "input.articleId"],
        [{ parentId: otherComment }, "input.parentId"],
        [{ anchor: { blockId: "no-such-block", quote: "x" } }, "input.anchor.blockId"],
        [{ anchor: { blockId: "p-1", quote: "q".repeat(501) } }, "input.anchor.quote"],
        [{ idempotencyKey: "k".repeat(256) }, "input.idempotencyKey"],
      ];
      for (const [overrides, field] of cases) {
        const response = await add(overrides);
        assert.equal(response.status, 200);
        assert.equal(response.body.errors?.[0].extensions?.code, "BAD_USER_INPUT", `${JSON.stringify(overrides).slice(0, 60)}`);
        assert.equal(response.body.errors?.[0].extensions?.field, field);
      }
      assert.equal(await server().dataSource.getRepository(Comment).count(), before);
    });

    test("stores XSS payloads harmless: no scripts, handlers or javascript: links; links get rel nofollow ugc noopener", async () => {
      const payload =
        `<p onclick="steal()">Hi <script>alert(1)</script><img src=x onerror=alert(1)>` +
        `<a href="javascript:alert(1)">bad</a> <a href="https://example.org/x" target="_blank" rel="opener">good</a>` +
        `<iframe src="https://evil.example"></iframe><style>body{}</style></p>`;
      const { comment } = (await add({ body: payload })).body.data.addComment;
      assert.doesNotMatch(comment.body, /script|onerror|onclick|javascript:|iframe|style|<img/i);
      assert.match(comment.body, /<a href="https:\/\/example\.org\/x" rel="nofollow ugc noopener">good<\/a>/);
      assert.equal((await add({ body: "1 < 2 & 3 > 2" })).body.data.addComment.comment.body, "<p>1 &lt; 2 &amp; 3 &gt; 2</p>");
    });

    test("pins inline feedback to a block and lists it in the body's block order, batched across articles", async () => {
      const later = (await add({ anchor: { blockId: "p-2", quote: "Nobody knows yet" } })).body.data.addComment.comment;
      const earlier = (await add({ anchor: { blockId: "the-story", quote: "The story" } })).body.data.addComment.comment;
      assert.deepEqual(later.anchor, { blockId: "p-2", quote: "Nobody knows yet" });
      const query = `query($a: String!, $b: String!) {
        a: article(slug: $a) { inlineFeedback(first: 10) { totalCount nodes { id anchor { blockId } } } }
        b: article(slug: $b) { inlineFeedback(first: 10) { totalCount nodes { id } } }
      }`;
      const { a, b } = await server().data(query, { a: article.slug, b: other.slug });
      assert.deepEqual(
        a.inlineFeedback.nodes.map((node: { id: string }) => node.id),
        [earlier.id, later.id],
      );
      assert.equal(a.inlineFeedback.totalCount, 2);
      assert.deepEqual(b.inlineFeedback, { totalCount: 0, nodes: [] });
      // Inline feedback costs the same statements for a feed of one article as for a feed of two.
      const cost = async (first: number, selection: string) => server().countQueries(`{ articles(first: ${first}) { nodes { id ${selection} } } }`);
      const feedback = "inlineFeedback(first: 10) { totalCount nodes { id } }";
      const forOne = (await cost(1, feedback)) - (await cost(1, ""));
      const forTwo = (await cost(2, feedback)) - (await cost(2, ""));
      assert.equal(forTwo, forOne);
    });

    test("holds spam for moderation: invisible and uncounted, but the guest sees, edits and deletes it with the editToken", async () => {
      const before = await commentCount();
      const held = (await add({ body: "Great casino bonus here" })).body.data.addComment;
      assert.equal(held.comment.status, "PENDING");
      const links = (await add({ body: "see http://a.example http://b.example http://c.example" })).body.data.addComment;
      assert.equal(links.comment.status, "PENDING");
      assert.equal(await commentCount(), before);
      const thread = await server().data(`query($slug: String!) { article(slug: $slug) { comments(first: 100) { nodes { id } } } }`, { slug: article.slug });
      assert.ok(!thread.article.comments.nodes.some((node: { id: string }) => node.id === held.comment.id));

      const own = `query($t: String!) { commentByEditToken(editToken: $t) { id status body } }`;
      assert.deepEqual((await server().data(own, { t: held.editToken })).commentByEditToken, {
        id: held.comment.id,
        status: "PENDING",
        body: held.comment.body,
      });
      assert.equal((await server().data(own, { t: held.editToken + "x" })).commentByEditToken, null);

      const edited = await server().data(`mutation($t: String!) { editComment(editToken: $t, body: "A calmer comment") { status body editedAt } }`, {
        t: held.editToken,
      });
      assert.equal(edited.editComment.status, "PENDING");
      assert.equal(edited.editComment.body, "<p>A calmer comment</p>");
      assert.ok(edited.editComment.editedAt);

      const forged = await server().graphql(`mutation { deleteComment(editToken: "1.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA") }`);
      assert.equal(forged.body.errors?.[0].extensions?.code, "FORBIDDEN");
      assert.equal((await server().data(`mutation($t: String!) { deleteComment(editToken: $t) }`, { t: held.editToken })).deleteComment, true);
      assert.equal((await server().data(own, { t: held.editToken })).commentByEditToken, null);
      assert.equal(await commentCount(), before);
    });

    test("stores exactly one comment per idempotency key under 200 concurrent calls, and refuses a key reused with other input", async () => {
      const before = await server().dataSource.getRepository(Comment).count();
      const keyed = Array.from({ length: 100 }, (_, i) =>
        input({ authorEmail: `retry${i}@example.com`, body: `Retry ${i}`, idempotencyKey: `key-${i}-${server().kind}` }),
      );
      const responses = await Promise.all([...keyed, ...keyed].map((one) => server().graphql(ADD, { input: one })));
      for (const response of responses) assert.equal(response.body.errors, undefined, JSON.stringify(response.body.errors));
      assert.equal(await server().dataSource.getRepository(Comment).count(), before + 100);
      const ids = responses.map((response) => response.body.data.addComment.comment.id);
      assert.deepEqual(ids.slice(100), ids.slice(0, 100));
      assert.deepEqual(
        responses.slice(100).map((response) => response.body.data.addComment.editToken),
        responses.slice(0, 100).map((response) => response.body.data.addComment.editToken),
      );

      const conflict = await server().graphql(ADD, { input: { ...keyed[0], body: "Something else" } });
      assert.equal(conflict.body.errors?.[0].extensions?.code, "CONFLICT");
      assert.equal(conflict.body.errors?.[0].extensions?.field, "idempotencyKey");
    });
  },
  { comments: { settings: { rateLimit: generous, floodLimit: generous } } },
);

describeEachDatabase(
  "flood control",
  (server) => {
    let article: Article;
    before(async () => {
      const author = await createAuthor(server().dataSource);
      article = await createArticle(server().dataSource, { author, category: await createCategory(server().dataSource) });
    });

    test("counts every aliased addComment as an attempt: the sixth of twenty in one request is RATE_LIMITED with retryAfter", async () => {
      const fields = Array.from(
        { length: 20 },
        (_, i) =>
          `c${i}: addComment(input: { articleId: "${encodeGlobalId("Article", article.id)}", authorName: "Flo", authorEmail: "flo${i}@example.com", body: "Hi ${i}" }) { comment { id } }`,
      );
      const response = await server().graphql(`mutation { ${fields.join("\n")} }`);
      // Mutations run one after the other and addComment's payload is non-null: the refusal ends the operation.
      assert.deepEqual(
        response.body.errors?.map((error) => [error.path, error.extensions?.code]),
        [[["c5"], "RATE_LIMITED"]],
      );
      const retryAfter = response.body.errors?.[0].extensions?.retryAfter;
      assert.ok(retryAfter >= 1 && retryAfter <= 60, `retryAfter ${retryAfter}`);
      assert.equal(await server().dataSource.getRepository(Comment).countBy({ articleId: article.id }), 5);

      const later = await server().graphql(`mutation { ${fields[19]} }`);
      assert.equal(later.body.errors?.[0].extensions?.code, "RATE_LIMITED");
    });
  },
  {
    comments: { settings: { rateLimit: { limit: 5, windowMs: 60_000 } } },
    limits: { queryLength: 20_000, tokens: 2000, depth: 10, aliases: 25, directives: 50, cost: 5000 },
  },
);

describeEachDatabase(
  "the statements of a comment",
  (server) => {
    test("an approved comment on an article nobody follows costs 9 statements (8 on PostgreSQL), its transaction's included", async () => {
      const author = await createAuthor(server().dataSource);
      const article = await createArticle(server().dataSource, { author, category: await createCategory(server().dataSource) });
      const input = { articleId: encodeGlobalId("Article", article.id), authorName: "Ada", authorEmail: "ada@example.com", body: "A fine piece." };
      // PostgreSQL returns the inserted row's defaults with the INSERT; SQLite reads them back (TypeORM sends no RETURNING there).
      const expected = server().kind === "postgres" ? 8 : 9;
      assert.equal(await server().countQueries(ADD, { input }), expected);
      assert.equal(await server().countQueries(ADD, { input: { ...input, body: "And another." } }), expected);
    });
  },
  // No scheduler tick nor outbox poll may land between two readings of db_queries_total.
  { comments: { settings: { rateLimit: generous, floodLimit: generous }, mail: { pollMs: 0 } } },
);
