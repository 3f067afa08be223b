import assert from "node:assert/strict";
import { before, test } from "node:test";
import { Article } from "../src/modules/article/article.entity";
import { CommentStatus } from "../src/modules/comment/comment-status";
import { Comment } from "../src/modules/comment/comment.entity";
import { encodeGlobalId } from "../src/shared/global-id";
import { createArticle, createAuthor, createCategory, createComment } from "./factories/content";
import { describeEachDatabase } from "./helpers/each-database";
import { readPages } from "./helpers/paging";

interface CommentPage {
  totalCount: number;
  edges: { cursor: string; node: { id: string; status: string; parent: { id: string } | null } }[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
}

const PAGE_FIELDS = `totalCount edges { cursor node { id status parent { id } } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor }`;

const THREAD = `
  query Thread($slug: String!, $first: Int, $after: String, $last: Int, $before: String, $orderBy: CommentOrder) {
    article(slug: $slug) {
      comments(first: $first, after: $after, last: $last, before: $before, orderBy: $orderBy) { ${PAGE_FIELDS} }
    }
  }`;

const REPLIES = `
  query Replies($id: ID!, $first: Int, $after: String, $last: Int, $before: String) {
    node(id: $id) { ... on Comment { replyCount replies(first: $first, after: $after, last: $last, before: $before) { ${PAGE_FIELDS} } } }
  }`;

const MINUTE = 60_000;
const BASE = Date.UTC(2025, 10, 1);

const idOf = (comment: Comment) => encodeGlobalId("Comment", comment.id);

describeEachDatabase("comments under an article", (server) => {
  let discussed: Article;
  let silent: Article;
  let other: Article;
  /** Approved top-level comments of `discussed`, oldest first. */
  const topLevel: Comment[] = [];
  /** Approved replies to topLevel[0], oldest first. */
  const replies: Comment[] = [];
  let replyToReply: Comment;
  const hidden: Comment[] = [];

  const idsOf = (page: CommentPage) => page.edges.map((edge) => edge.node.id);
  const thread = async (args: Record<string, unknown>, slug = discussed.slug): Promise<CommentPage> =>
    (await server().data(THREAD, { slug, ...args })).article.comments;
  const repliesTo = async (comment: Comment, args: Record<string, unknown>): Promise<{ replyCount: number; replies: CommentPage }> =>
    (await server().data(REPLIES, { id: idOf(comment), ...args })).node;

  /** The ids of every comment of a list, in list order (see readPages). */
  const allIds = async (read: (args: Record<string, unknown>) => Promise<CommentPage>, size: number, direction: "forwards" | "backwards") =>
    (await readPages(read, size, direction)).flatMap(idsOf);

  before(async () => {
    const ds = server().dataSource;
    const author = await createAuthor(ds);
    const category = await createCategory(ds);
    discussed = await createArticle(ds, { author, category });
    silent = await createArticle(ds, { author, category });
    other = await createArticle(ds, { author, category });

    for (let i = 0; i < 12; i++) {
      // Two comments share a time: the id tiebreaker must order them.
      const minutes = i === 6 ? 5 : i;
      const anchor = i === 1 ? { anchorBlockId: "p-1", anchorQuote: "Something happened today" } : {};
      topLevel.push(await createComment(ds, { article: discussed, createdAt: new Date(BASE + minutes * MINUTE), ...anchor }));
      if (i === 3) {
        for (const status of [CommentStatus.PENDING, CommentStatus.SPAM, CommentStatus.DELETED]) {
          hidden.push(await createComment(ds, { article: discussed, status, createdAt: new Date(BASE + 3 * MINUTE) }));
        }
      }
    }
    for (let i = 0; i < 3; i++) {
      replies.push(await createComment(ds, { article: discussed, parent: topLevel[0], createdAt: new Date(BASE + (60 + i) * MINUTE) }));
    }
    for (const status of [CommentStatus.PENDING, CommentStatus.SPAM, CommentStatus.DELETED]) {
      hidden.push(await createComment(ds, { article: discussed, parent: topLevel[0], status, createdAt: new Date(BASE + 61 * MINUTE) }));
      hidden.push(await createComment(ds, { article: discussed, parent: replies[0], status, createdAt: new Date(BASE + 70 * MINUTE) }));
    }
    replyToReply = await createComment(ds, { article: discussed, parent: replies[0], createdAt: new Date(BASE + 90 * MINUTE) });

    await createComment(ds, { article: other, createdAt: new Date(BASE + 200 * MINUTE) });
    await createComment(ds, { article: other, createdAt: new Date(BASE + 201 * MINUTE) });
    await createComment(ds, { article: other, status: CommentStatus.PENDING });
  });

  test("lists only top-level comments, oldest first by default, paging forwards through all of them", async () => {
    const first = await thread({ first: 5 });
    assert.equal(first.totalCount, 12);
    assert.equal(first.pageInfo.hasPreviousPage, false);
    assert.ok(first.edges.every((edge) => edge.node.parent === null));
    assert.deepEqual(await allIds(thread, 5, "forwards"), topLevel.map(idOf));
  });

  test("sorts NEWEST as the exact reverse of OLDEST", async () => {
    const newest = await thread({ first: 100, orderBy: "NEWEST" });
    assert.equal(newest.totalCount, 12);
    assert.deepEqual(idsOf(newest), topLevel.map(idOf).reverse());
    assert.deepEqual(await allIds((args) => thread({ ...args, orderBy: "NEWEST" }), 4, "forwards"), topLevel.map(idOf).reverse());
  });

  test("pages a thread backwards with last/before in either order", async () => {
    assert.deepEqual(await allIds(thread, 5, "backwards"), topLevel.map(idOf));
    assert.deepEqual(await allIds((args) => thread({ ...args, orderBy: "NEWEST" }), 3, "backwards"), topLevel.map(idOf).reverse());
    const last = await thread({ last: 2 });
    assert.deepEqual(idsOf(last), topLevel.slice(-2).map(idOf));
    assert.equal(last.pageInfo.hasNextPage, false);
    assert.equal(last.pageInfo.hasPreviousPage, true);
  });

  test("lists a comment's approved replies oldest first, with replyCount, paging both ways", async () => {
    const first = await repliesTo(topLevel[0], { first: 2 });
    assert.equal(first.replyCount, 3);
    assert.equal(first.replies.totalCount, 3);
    assert.deepEqual(idsOf(first.replies), replies.slice(0, 2).map(idOf));
    assert.equal(first.replies.pageInfo.hasNextPage, true);
    assert.ok(first.replies.edges.every((edge) => edge.node.parent?.id === idOf(topLevel[0])));

    const rest = await repliesTo(topLevel[0], { first: 2, after: first.replies.pageInfo.endCursor });
    assert.deepEqual(idsOf(rest.replies), replies.slice(2).map(idOf));
    assert.equal(rest.replies.pageInfo.hasNextPage, false);

    assert.deepEqual(await allIds(async (args) => (await repliesTo(topLevel[0], args)).replies, 2, "backwards"), replies.map(idOf));

    const none = await repliesTo(topLevel[2], { first: 5 });
    assert.equal(none.replyCount, 0);
    assert.deepEqual(none.replies, {
      totalCount: 0,
      edges: [],
      pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null },
    });
  });

  test("threads replies to replies, each knowing its parent and its article", async () => {
    const { node } = await server().data(
      `query($id: ID!) {
        node(id: $id) {
          ... on Comment {
            id parent { id parent { id parent { id } } }
            article { id slug commentCount }
          }
        }
      }`,
      { id: idOf(replyToReply) },
    );
    assert.deepEqual(node, {
      id: idOf(replyToReply),
      parent: { id: idOf(replies[0]), parent: { id: idOf(topLevel[0]), parent: null } },
      article: { id: encodeGlobalId("Article", discussed.id), slug: discussed.slug, commentCount: 16 },
    });
    const middle = await repliesTo(replies[0], { first: 10 });
    assert.equal(middle.replyCount, 1);
    assert.deepEqual(idsOf(middle.replies), [idOf(replyToReply)]);
  });

  test("shows a whole page's thread in one request: comments, their replies and their article", async () => {
    const { article } = await server().data(
      `query($slug: String!) {
        article(slug: $slug) {
          commentCount
          comments(first: 3) { nodes { id authorName body createdAt replyCount article { slug } replies(first: 2) { nodes { id } } } }
        }
      }`,
      { slug: discussed.slug },
    );
    assert.equal(article.commentCount, 16);
    assert.deepEqual(
      article.comments.nodes.map((c: { id: string; replyCount: number; article: { slug: string }; replies: { nodes: { id: string }[] } }) => [
        c.id,
        c.replyCount,
        c.article.slug,
        c.replies.nodes.map((r) => r.id),
      ]),
      [
        [idOf(topLevel[0]), 3, discussed.slug, replies.slice(0, 2).map(idOf)],
        [idOf(topLevel[1]), 0, discussed.slug, []],
        [idOf(topLevel[2]), 0, discussed.slug, []],
      ],
    );
    const [oldest] = article.comments.nodes;
    assert.equal(oldest.authorName, topLevel[0].authorName);
    assert.equal(oldest.body, topLevel[0].body);
    assert.equal(oldest.createdAt, topLevel[0].createdAt.toISOString());
  });

  test("never shows or counts pending, spam or deleted comments", async () => {
    const visible = new Set<string>();
    const statuses = new Set<string>();
    const collect = (page: CommentPage) => page.edges.forEach((edge) => (visible.add(edge.node.id), statuses.add(edge.node.status)));
    for (const orderBy of ["OLDEST", "NEWEST"]) collect(await thread({ first: 100, orderBy }));
    for (const parent of [topLevel[0], replies[0]]) collect((await repliesTo(parent, { first: 100 })).replies);
    assert.deepEqual([...statuses], ["APPROVED"]);
    assert.equal(visible.size, 12 + 3 + 1);
    for (const comment of hidden) assert.ok(!visible.has(idOf(comment)), `${comment.status} comment is hidden`);

    const { nodes } = await server().data(`query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, { ids: hidden.map(idOf) });
    assert.deepEqual(
      nodes,
      hidden.map(() => null),
    );
  });

  test("counts approved replies, at every depth, in the article's commentCount", async () => {
    const { a, b, c } = await server().data(
      `query($a: String, $b: String, $c: String) {
        a: article(slug: $a) { commentCount comments { totalCount } }
        b: article(slug: $b) { commentCount comments { totalCount } }
        c: article(slug: $c) { commentCount comments { totalCount } }
      }`,
      { a: discussed.slug, b: silent.slug, c: other.slug },
    );
    assert.deepEqual(a, { commentCount: 12 + 3 + 1, comments: { totalCount: 12 } });
    assert.deepEqual(b, { commentCount: 0, comments: { totalCount: 0 } });
    assert.deepEqual(c, { commentCount: 2, comments: { totalCount: 2 } });
  });

  test("gives each article of a list its own page of comments", async () => {
    const { articles } = await server().data(`{
      articles(first: 10, orderBy: OLDEST) { nodes { slug comments(first: 2, orderBy: NEWEST) { totalCount nodes { id } } } }
    }`);
    const bySlug = new Map(articles.nodes.map((node: { slug: string; comments: unknown }) => [node.slug, node.comments]));
    assert.deepEqual(bySlug.get(discussed.slug), {
      totalCount: 12,
      nodes: topLevel
        .slice(-2)
        .reverse()
        .map((c) => ({ id: idOf(c) })),
    });
    assert.deepEqual(bySlug.get(silent.slug), { totalCount: 0, nodes: [] });
    assert.equal((bySlug.get(other.slug) as CommentPage).totalCount, 2);
  });

  test("exposes inline feedback's anchor as the block and the quoted passage", async () => {
    const { article } = await server().data(`query($slug: String!) { article(slug: $slug) { comments(first: 3) { nodes { anchor { blockId quote } } } } }`, {
      slug: discussed.slug,
    });
    assert.deepEqual(
      article.comments.nodes.map((node: { anchor: unknown }) => node.anchor),
      [null, { blockId: "p-1", quote: "Something happened today" }, null],
    );
  });

  test("keeps commenters' email addresses private: the field does not exist", async () => {
    const response = await server().graphql(`query($slug: String!) { article(slug: $slug) { comments { nodes { authorName authorEmail } } } }`, {
      slug: discussed.slug,
    });
    assert.equal(response.status, 400);
    assert.equal(response.body.data, undefined);
    assert.equal(response.body.errors?.[0].extensions?.code, "GRAPHQL_VALIDATION_FAILED");
    assert.doesNotMatch(JSON.stringify(response.body), /@example\.com/);

    const { __type } = await server().data(`{ __type(name: "Comment") { fields { name } } }`);
    assert.ok(!__type.fields.some((field: { name: string }) => /mail/i.test(field.name)));
  });
});
