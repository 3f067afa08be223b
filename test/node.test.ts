import assert from "node:assert/strict";
import { before, test } from "node:test";
import { ArticleStatus } from "../src/modules/article/article-status";
import { Article } from "../src/modules/article/article.entity";
import { CommentStatus } from "../src/modules/comment/comment-status";
import { Comment } from "../src/modules/comment/comment.entity";
import { encodeGlobalId } from "../src/shared/global-id";
import { createArticle, createAuthor, createCategory, createComment, createTag } from "./factories/content";
import { describeEachDatabase } from "./helpers/each-database";
import { GraphQLResponse } from "./helpers/test-server";

const NODE_FIELDS = `
  __typename id
  ... on Article { slug title }
  ... on Author { slug name }
  ... on Category { slug name }
  ... on Tag { slug name }
  ... on Comment { authorName body }`;

const NODE = `query Node($id: ID!) { node(id: $id) { ${NODE_FIELDS} } }`;
const NODES = `query Nodes($ids: [ID!]!) { nodes(ids: $ids) { ${NODE_FIELDS} } }`;

const base64url = (text: string) => Buffer.from(text, "utf8").toString("base64url");

/** Ids no object can have: each must be refused as bad input, never a 500. */
const GARBAGE_IDS: [string, string][] = [
  ["a single letter", "x"],
  ["the empty string", ""],
  ["a non-numeric row id", base64url("Article:abc")],
  ["an unknown type", base64url("Nope:1")],
  ["a negative row id", base64url("Article:-1")],
  ["a zero row id", base64url("Article:0")],
  ["a row id past the integer range", base64url("Article:99999999999")],
  ["a decoded id sent as is", "Article:1"],
  ["a 10 KB string", "A".repeat(10_240)],
  ["emoji", "🗞️🔥"],
  ["base64 of emoji", base64url("Article:🔥")],
  ["SQL", "1; DROP TABLE article"],
];

describeEachDatabase("fetching any object by its global id", (server) => {
  let article: Article;
  let draft: Article;
  let comment: Comment;
  let pending: Comment;
  let onDraft: Comment;
  /** One object of every type as a client first meets it, keyed by type. */
  let seen: Record<"Article" | "Author" | "Category" | "Tag" | "Comment", { __typename: string; id: string; [field: string]: unknown }>;

  const assertBadInput = (response: GraphQLResponse, what: string) => {
    assert.notEqual(response.status, 500, what);
    assert.ok(response.body.errors?.length, `${what}: an error`);
    assert.equal(response.body.errors![0].extensions?.code, "BAD_USER_INPUT", what);
    assert.doesNotMatch(JSON.stringify(response.body), /SELECT|sqlite|postgres|\s{4}at /i, what);
  };

  before(async () => {
    const ds = server().dataSource;
    const author = await createAuthor(ds, { name: "Nadia Node" });
    const category = await createCategory(ds, { name: "Nodes" });
    const tag = await createTag(ds, { name: "Graphs" });
    article = await createArticle(ds, { author, category, tags: [tag] });
    draft = await createArticle(ds, { author, category, status: ArticleStatus.DRAFT, publishedAt: null });
    comment = await createComment(ds, { article });
    pending = await createComment(ds, { article, status: CommentStatus.PENDING });
    onDraft = await createComment(ds, { article: draft });

    const found = await server().data(
      `query($slug: String) {
        article(slug: $slug) {
          __typename id slug title
          author { __typename id slug name }
          category { __typename id slug name }
          tags { __typename id slug name }
          comments { nodes { __typename id authorName body } }
        }
      }`,
      { slug: article.slug },
    );
    const { author: a, category: c, tags, comments, ...own } = found.article;
    seen = { Article: own, Author: a, Category: c, Tag: tags[0], Comment: comments.nodes[0] };
  });

  test("fetches back an article, author, section, tag and comment by the id a query gave", async () => {
    for (const [type, object] of Object.entries(seen)) {
      assert.equal(object.__typename, type);
      const { node } = await server().data(NODE, { id: object.id });
      assert.deepEqual(node, object, type);
    }
  });

  test("gives every type its own ids: no two objects share one", async () => {
    const ids = Object.values(seen).map((object) => object.id);
    assert.equal(new Set(ids).size, ids.length);
  });

  test("fetches several objects at once, keeping their order and answering null for missing ones", async () => {
    const missing = [encodeGlobalId("Article", 999_999), encodeGlobalId("Author", 999_999), encodeGlobalId("Comment", 2 ** 31 - 1)];
    const ids = [seen.Comment.id, missing[0], seen.Article.id, seen.Tag.id, missing[1], seen.Category.id, seen.Author.id, missing[2], seen.Article.id];
    const { nodes } = await server().data(NODES, { ids });
    assert.deepEqual(nodes, [seen.Comment, null, seen.Article, seen.Tag, null, seen.Category, seen.Author, null, seen.Article]);
    assert.deepEqual((await server().data(NODES, { ids: [] })).nodes, []);
  });

  test("answers null for a missing object of a valid id", async () => {
    for (const type of ["Article", "Author", "Category", "Tag", "Comment"] as const) {
      assert.equal((await server().data(NODE, { id: encodeGlobalId(type, 424_242) })).node, null, type);
    }
  });

  test("answers null for drafts, comments awaiting moderation and comments on drafts", async () => {
    const ids = [encodeGlobalId("Article", draft.id), encodeGlobalId("Comment", pending.id), encodeGlobalId("Comment", onDraft.id)];
    for (const id of ids) assert.equal((await server().data(NODE, { id })).node, null);
    assert.deepEqual((await server().data(NODES, { ids: [...ids, encodeGlobalId("Comment", comment.id)] })).nodes, [null, null, null, seen.Comment]);
  });

  for (const [what, id] of GARBAGE_IDS) {
    test(`refuses an id that is ${what} as bad input`, async () => {
      assertBadInput(await server().graphql(NODE, { id }), `node: ${what}`);
      assertBadInput(await server().graphql(NODES, { ids: [seen.Article.id, id] }), `nodes: ${what}`);
      assertBadInput(await server().graphql(`query($id: ID) { article(id: $id) { id } }`, { id }), `article: ${what}`);
    });
  }

  test("refuses an id of another type where an article id is expected", async () => {
    for (const type of ["Author", "Category", "Tag", "Comment"] as const) {
      const response = await server().graphql(`query($id: ID) { article(id: $id) { id } }`, { id: seen[type].id });
      assertBadInput(response, type);
      assert.equal(response.body.data?.article ?? null, null);
      const excluded = await server().graphql(`query($ids: [ID!]) { articles(filter: { excludeIds: $ids }) { totalCount } }`, {
        ids: [seen[type].id],
      });
      assertBadInput(excluded, `excludeIds with a ${type} id`);
    }
  });

  test("fetches at most 100 objects at once", async () => {
    const hundred = Array.from({ length: 100 }, () => seen.Tag.id);
    const { nodes } = await server().data(NODES, { ids: hundred });
    assert.equal(nodes.length, 100);
    assert.ok(nodes.every((node: unknown) => JSON.stringify(node) === JSON.stringify(seen.Tag)));

    const response = await server().graphql(NODES, { ids: [...hundred, seen.Tag.id] });
    assertBadInput(response, "101 ids");
    assert.equal(response.body.data ?? null, null);
  });
});
