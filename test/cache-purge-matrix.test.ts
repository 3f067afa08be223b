import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { CachingOptions, DEFAULT_CACHING } from "../src/config";
import { ArticleStatus } from "../src/modules/article/article-status";
import { Article } from "../src/modules/article/article.entity";
import { Author } from "../src/modules/directory/author/author.entity";
import { Category } from "../src/modules/directory/category/category.entity";
import { CommentStatus } from "../src/modules/comment/comment-status";
import { Comment } from "../src/modules/comment/comment.entity";
import { encodeGlobalId } from "../src/shared/global-id";
import { Tag } from "../src/modules/directory/tag/tag.entity";
import { Role } from "../src/modules/user/role";
import { ServerDeps } from "../src/server";
import { createArticle, createAuthor, createCategory, createComment, createTag } from "./factories/content";
import { createUser, signIn } from "./factories/users";
import { CacheStore, cachingFor, dropKeys } from "./helpers/caching";
import { describeEachDatabase } from "./helpers/each-database";
import { TestServer } from "./helpers/test-server";

/**
 * The purge matrix: a cache warmed with a set of answers, then each kind of
 * write, in turn. For every answer it checks that what the cache serves is
 * what an uncached server answers (no stale answer), and that exactly the
 * expected answers were purged (a purge too many shows as a kept answer
 * missing from the list).
 */

type Answer = { query: string; variables?: Record<string, unknown> };

/** The answers the cache is warmed with, named as the expectations name them. */
function answersOf(s: Fixture): Record<string, Answer> {
  const feed = (filter: Record<string, unknown>, extra = "") => ({
    query: `query($filter: ArticleFilter) { articles(first: 10, filter: $filter${extra}) { nodes { slug } } }`,
    variables: { filter },
  });
  return {
    front: { query: `{ articles(first: 10) { nodes { slug title commentCount } } }` },
    sectionS1: feed({ categorySlug: s.s1.slug }),
    sectionS2: feed({ categorySlug: s.s2.slug }),
    authorU2: { query: `query($slug: String!) { author(slug: $slug) { name articles(first: 10) { nodes { slug } } } }`, variables: { slug: s.u2.slug } },
    tagT2: { query: `query($slug: String!) { tag(slug: $slug) { name articles(first: 10) { nodes { slug } } } }`, variables: { slug: s.t2.slug } },
    pageA: {
      query: `query($slug: String!) { article(slug: $slug) { title commentCount comments(first: 10) { nodes { body upvotes downvotes } } author { name } category { name } tags { name } } }`,
      variables: { slug: s.a.slug },
    },
    pageC: { query: `query($slug: String!) { article(slug: $slug) { title author { name } } }`, variables: { slug: s.c.slug } },
    readingC: {
      query: `query($slug: String!) { article(slug: $slug) { slug relatedArticles(first: 3) { nodes { slug } } nextArticle { slug } } }`,
      variables: { slug: s.c.slug },
    },
    search: feed({ search: "zebra" }),
    sections: { query: `{ categories(first: 50) { nodes { name } } }` },
    tags: { query: `{ tags(first: 50) { nodes { name } } }` },
    discussed: feed({}, ", orderBy: MOST_DISCUSSED"),
    missing: { query: `{ article(slug: "not-written-yet") { title } }` },
  };
}

interface Fixture {
  s1: Category;
  s2: Category;
  u1: Author;
  u2: Author;
  t1: Tag;
  t2: Tag;
  /** Published in S1 by U1 with T1, with a pending comment. */
  a: Article;
  pending: Comment;
  /** A draft in S1 by U1 with T1, published by the matrix. */
  b: Article;
  /** Published after A in S2 by U2 with T2; the only match of "zebra". */
  c: Article;
}

for (const store of ["memory", "redis"] as CacheStore[]) {
  let caching: CachingOptions;
  const options = (): Partial<ServerDeps> => {
    caching = cachingFor(store, { responseCacheTtlSeconds: 3600 });
    return { caching, comments: { settings: { moderation: "all" }, mail: { deliver: false } } };
  };

  describeEachDatabase(
    `purging by tag (${store})`,
    (server) => {
      let s: Fixture;
      let editor: Record<string, string>;
      let answers: Record<string, Answer>;
      /** The same database without a response cache: what a fresh answer is. */
      let uncached: TestServer;

      before(async () => {
        const ds = server().dataSource;
        const [s1, s2, u1, u2, t1, t2] = [
          await createCategory(ds),
          await createCategory(ds),
          await createAuthor(ds),
          await createAuthor(ds),
          await createTag(ds),
          await createTag(ds),
        ];
        // Once published, an article keeps its slug when its title changes: the pages asked for by slug stay its pages.
        const firstPublishedAt = new Date(Date.UTC(2026, 0, 1));
        const a = await createArticle(ds, { author: u1, category: s1, tags: [t1], firstPublishedAt });
        const c = await createArticle(ds, { author: u2, category: s2, tags: [t2], title: "Zebra crossing", firstPublishedAt });
        const b = await createArticle(ds, { author: u1, category: s1, tags: [t1], status: ArticleStatus.DRAFT, publishedAt: null });
        const pending = await createComment(ds, { article: a, status: CommentStatus.PENDING, body: "<p>First!</p>" });
        s = { s1, s2, u1, u2, t1, t2, a, b, c, pending };
        answers = answersOf(s);
        editor = await signIn(server(), await createUser(ds, Role.ADMIN, u1));
        uncached = await server().sibling({ caching: { ...DEFAULT_CACHING, responseCache: "off" } });
      });

      after(async () => {
        await uncached?.stop();
        await dropKeys(caching);
      });

      const id = (type: Parameters<typeof encodeGlobalId>[0], row: { id: number }) => encodeGlobalId(type, row.id);
      const version = async (article: Article) => (await server().dataSource.getRepository(Article).findOneByOrFail({ id: article.id })).version;

      async function warm(): Promise<void> {
        for (const [name, { query, variables }] of Object.entries(answers)) {
          await server().graphql(query, variables);
          const again = await server().graphql(query, variables);
          assert.equal(again.body.errors, undefined, name);
          assert.equal(again.headers.get("x-cache"), "HIT", `${name} was not cached`);
        }
      }

      /** Warms the cache, runs `write`, then checks every answer: fresh, and purged exactly when expected. */
      async function expectPurged(write: () => Promise<unknown>, expected: string[]): Promise<void> {
        await warm();
        await write();
        const purged: string[] = [];
        for (const [name, { query, variables }] of Object.entries(answers)) {
          const served = await server().graphql(query, variables);
          const fresh = await uncached.graphql(query, variables);
          assert.deepEqual(served.body, fresh.body, `${name} is stale`);
          if (served.headers.get("x-cache") !== "HIT") purged.push(name);
        }
        assert.deepEqual(purged.sort(), [...expected].sort());
      }

      const mutate = (query: string, variables: Record<string, unknown>) => server().data(query, variables, editor);

      test("a pending comment purges nothing", async () => {
        await expectPurged(
          () =>
            server().data(
              `mutation($id: ID!) { addComment(input: { articleId: $id, authorName: "R", authorEmail: "r@example.com", body: "Hm" }) { comment { status } } }`,
              {
                id: id("Article", s.a),
              },
            ),
          [],
        );
      });

      test("approving a comment on A purges the answers showing A, and lists by comment count", async () => {
        await expectPurged(
          () => mutate(`mutation($id: ID!) { moderateComment(id: $id, status: APPROVED) { status } }`, { id: id("Comment", s.pending) }),
          ["front", "sectionS1", "pageA", "discussed", "missing"],
        );
      });

      const voteOnPending = () =>
        server().data(
          `mutation($id: ID!) { voteComment(input: { commentId: $id, value: UP, readerKey: "reader-in-the-matrix-0001" }) { comment { upvotes } } }`,
          {
            id: id("Comment", s.pending),
          },
        );

      test("a vote on a comment of A purges the answers showing A's thread, not A's lists", async () => {
        await expectPurged(voteOnPending, ["pageA"]);
      });

      test("a vote already counted purges nothing", async () => {
        await expectPurged(voteOnPending, []);
      });

      test("editing a draft purges nothing", async () => {
        await expectPurged(
          async () =>
            mutate(
              `mutation($id: ID!, $version: Int!) { updateArticle(input: { id: $id, version: $version, title: "Still a draft" }) { article { title } } }`,
              {
                id: id("Article", s.b),
                version: await version(s.b),
              },
            ),
          [],
        );
      });

      test("publishing B purges the lists B enters and every reading path, not the pages of other articles", async () => {
        await expectPurged(
          async () =>
            mutate(`mutation($id: ID!, $version: Int!) { publishArticle(id: $id, version: $version) { article { status } } }`, {
              id: id("Article", s.b),
              version: await version(s.b),
            }),
          ["front", "sectionS1", "search", "discussed", "readingC", "missing"],
        );
      });

      test("editing C purges C and every list C is in", async () => {
        await expectPurged(
          async () =>
            mutate(
              `mutation($id: ID!, $version: Int!) { updateArticle(input: { id: $id, version: $version, title: "Zebra crossing, corrected" }) { article { title } } }`,
              {
                id: id("Article", s.c),
                version: await version(s.c),
              },
            ),
          ["front", "sectionS2", "authorU2", "tagT2", "pageC", "readingC", "search", "discussed", "missing"],
        );
      });

      test("pinning Keep Reading on C purges the answers showing C", async () => {
        await expectPurged(
          () =>
            mutate(`mutation($id: ID!, $pick: ID) { pinKeepReading(articleId: $id, pickId: $pick) { article { id } } }`, {
              id: id("Article", s.c),
              pick: id("Article", s.a),
            }),
          ["front", "sectionS2", "authorU2", "tagT2", "pageC", "readingC", "search", "discussed"],
        );
      });

      test("renaming a section purges its feed and the list of sections, not the feeds that do not show its name", async () => {
        await expectPurged(
          () =>
            mutate(`mutation($id: ID!) { updateCategory(input: { id: $id, version: 1, name: "Renamed desk" }) { category { name } } }`, {
              id: id("Category", s.s2),
            }),
          ["sectionS2", "sections", "missing"],
        );
      });

      test("merging tag T2 into T1 purges both tags' answers and every reading path", async () => {
        await expectPurged(
          () =>
            mutate(`mutation($id: ID!, $into: ID) { deleteTag(input: { id: $id, reassignTo: $into }) { articleCount } }`, {
              id: id("Tag", s.t2),
              into: id("Tag", s.t1),
            }),
          ["tagT2", "tags", "pageA", "readingC", "missing"],
        );
      });

      test("hiding an approved comment on A purges the answers showing A", async () => {
        await expectPurged(
          () => mutate(`mutation($id: ID!) { moderateComment(id: $id, status: SPAM) { status } }`, { id: id("Comment", s.pending) }),
          // C's related articles show A since the pin; tagT2 finds nothing since the merge, a missing lookup.
          ["front", "sectionS1", "pageA", "discussed", "readingC", "missing", "tagT2"],
        );
      });

      test("deleting author U2 into U1 purges both authors' answers and every reading path", async () => {
        await expectPurged(
          () =>
            mutate(`mutation($id: ID!, $into: ID) { deleteAuthor(input: { id: $id, reassignTo: $into }) { articleCount } }`, {
              id: id("Author", s.u2),
              into: id("Author", s.u1),
            }),
          ["authorU2", "pageA", "pageC", "readingC", "tagT2", "missing"],
        );
      });

      test("unpublishing C purges C and every list it was in", async () => {
        await expectPurged(
          async () =>
            mutate(`mutation($id: ID!, $version: Int!) { unpublishArticle(id: $id, version: $version) { article { status } } }`, {
              id: id("Article", s.c),
              version: await version(s.c),
            }),
          ["front", "sectionS2", "pageC", "readingC", "search", "discussed", "missing", "tagT2", "authorU2"],
        );
      });
    },
    options,
  );
}
