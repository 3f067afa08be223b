import assert from "node:assert/strict";
import { setTimeout as sleep } from "node:timers/promises";
import { after, before, test } from "node:test";
import { CachingOptions } from "../src/config";
import { ArticleStatus } from "../src/modules/article/article-status";
import { Article } from "../src/modules/article/article.entity";
import { Author } from "../src/modules/directory/author/author.entity";
import { Category } from "../src/modules/directory/category/category.entity";
import { encodeGlobalId } from "../src/shared/global-id";
import { Role } from "../src/modules/user/role";
import { ServerDeps } from "../src/server";
import { createArticle, createAuthor, createCategory } from "./factories/content";
import { createUser, signIn } from "./factories/users";
import { CacheStore, cachingFor, dropKeys, metric } from "./helpers/caching";
import { describeEachDatabase } from "./helpers/each-database";
import { TestServer } from "./helpers/test-server";

const FEED = `query Feed($filter: ArticleFilter) { articles(first: 20, filter: $filter) { nodes { slug title } } }`;
const PAGE = `query Page($slug: String!) { article(slug: $slug) { title commentCount comments(first: 5) { nodes { body } } } }`;
const PUBLISH = `mutation($id: ID!, $version: Int!) { publishArticle(id: $id, version: $version) { article { status } } }`;

/** POSTs as TestServer.graphql does, keeping the response headers. */
async function post(server: TestServer, query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
  return server.graphql(query, variables, headers);
}

/** The three feeds a new article appears in: the front page, its author's and its section's. */
function feedsOf(author: Author, category: Category) {
  return [{}, { filter: { authorSlug: author.slug } }, { filter: { categorySlug: category.slug } }];
}

async function slugsIn(server: TestServer, variables: Record<string, unknown>): Promise<{ slugs: string[]; hit: boolean }> {
  const response = await post(server, FEED, variables);
  assert.equal(response.body.errors, undefined);
  return { slugs: response.body.data.articles.nodes.map((node: { slug: string }) => node.slug), hit: response.headers.get("x-cache") === "HIT" };
}

/** Asks each feed until the cache answers it, so the next change must purge it. */
async function cacheFeeds(server: TestServer, feeds: Record<string, unknown>[]): Promise<void> {
  for (const variables of feeds) {
    await slugsIn(server, variables);
    assert.equal((await slugsIn(server, variables)).hit, true, JSON.stringify(variables));
  }
}

for (const store of ["memory", "redis"] as CacheStore[]) {
  // A TTL no test outlives: only a purge can make a cached answer change.
  let caching: CachingOptions;
  /** A second instance as behind a load balancer: the same caching options, so with Redis, the same cache. */
  const siblingOptions = (): Partial<ServerDeps> => ({
    caching,
    schedulerIntervalMs: 0,
    comments: { settings: { moderation: "all" }, mail: { deliver: false } },
  });
  const options = (): Partial<ServerDeps> => {
    caching = cachingFor(store, { responseCacheTtlSeconds: 3600 });
    return siblingOptions();
  };

  describeEachDatabase(
    `the anonymous response cache (${store})`,
    (server) => {
      let author: Author;
      let category: Category;
      let editor: Record<string, string>;
      let article: Article;

      before(async () => {
        const ds = server().dataSource;
        author = await createAuthor(ds);
        category = await createCategory(ds);
        article = await createArticle(ds, { author, category });
        editor = await signIn(server(), await createUser(ds, Role.EDITOR, author));
      });

      after(async () => {
        await dropKeys(caching);
      });

      const draft = () => createArticle(server().dataSource, { author, category, status: ArticleStatus.DRAFT, publishedAt: null });

      test("answers a repeated anonymous read from the cache, without a single SQL statement", async () => {
        const hits = await metric(server(), "response_cache_hits_total");
        assert.ok((await server().countQueries(FEED, { filter: { authorSlug: author.slug } })) > 0);
        assert.equal(await server().countQueries(FEED, { filter: { authorSlug: author.slug } }), 0);
        const cached = await post(server(), FEED, { filter: { authorSlug: author.slug } });
        assert.equal(cached.headers.get("x-cache"), "HIT");
        assert.equal(cached.headers.get("cache-control"), "public, max-age=60, s-maxage=60, stale-while-revalidate=30");
        assert.deepEqual(cached.body.data.articles.nodes, [{ slug: article.slug, title: article.title }]);
        assert.equal((await metric(server(), "response_cache_hits_total")) - hits, 2);
        assert.ok((await metric(server(), "response_cache_misses_total")) > 0);
      });

      test("a publication purges the front page, the author's feed and the section's feed", async () => {
        const next = await draft();
        const feeds = feedsOf(author, category);
        await cacheFeeds(server(), feeds);
        const published = await server().data(PUBLISH, { id: encodeGlobalId("Article", next.id), version: next.version }, editor);
        assert.equal(published.publishArticle.article.status, "PUBLISHED");
        for (const variables of feeds) assert.ok((await slugsIn(server(), variables)).slugs.includes(next.slug), JSON.stringify(variables));
      });

      test("approving a comment purges the article page", async () => {
        const { addComment } = await server().data(
          `mutation($id: ID!) { addComment(input: { articleId: $id, authorName: "Reader", authorEmail: "reader@example.com", body: "Well said" }) { comment { id status } } }`,
          { id: encodeGlobalId("Article", article.id) },
        );
        assert.equal(addComment.comment.status, "PENDING");
        await post(server(), PAGE, { slug: article.slug });
        const before = await post(server(), PAGE, { slug: article.slug });
        assert.equal(before.headers.get("x-cache"), "HIT");
        assert.equal(before.body.data.article.commentCount, 0);

        await server().data(`mutation($id: ID!) { moderateComment(id: $id, status: APPROVED) { status } }`, { id: addComment.comment.id }, editor);
        const after = await post(server(), PAGE, { slug: article.slug });
        assert.equal(after.headers.get("x-cache"), null);
        assert.equal(after.body.data.article.commentCount, 1);
        assert.deepEqual(after.body.data.article.comments.nodes, [{ body: "<p>Well said</p>" }]);
      });

      test("editing a published article purges its cached page", async () => {
        const edited = await createArticle(server().dataSource, { author, category });
        const query = `query Title($id: ID!) { article(id: $id) { title } }`;
        const id = encodeGlobalId("Article", edited.id);
        await post(server(), query, { id });
        assert.equal((await post(server(), query, { id })).headers.get("x-cache"), "HIT");
        await server().data(
          `mutation($id: ID!, $version: Int!) { updateArticle(input: { id: $id, version: $version, title: "A corrected headline" }) { article { title } } }`,
          { id, version: edited.version },
          editor,
        );
        const after = await post(server(), query, { id });
        assert.equal(after.headers.get("x-cache"), null);
        assert.equal(after.body.data.article.title, "A corrected headline");
      });

      test("renaming a section purges the article pages and feeds that show its name", async () => {
        const query = `query Section($slug: String!) { article(slug: $slug) { category { name } } }`;
        await post(server(), query, { slug: article.slug });
        assert.equal((await post(server(), query, { slug: article.slug })).headers.get("x-cache"), "HIT");
        const { updateCategory } = await server().data(
          `mutation($id: ID!, $version: Int!) { updateCategory(input: { id: $id, version: $version, name: "Renamed desk" }) { category { name } } }`,
          { id: encodeGlobalId("Category", category.id), version: 1 },
          editor,
        );
        assert.equal(updateCategory.category.name, "Renamed desk");
        const after = await post(server(), query, { slug: article.slug });
        assert.equal(after.headers.get("x-cache"), null);
        assert.equal(after.body.data.article.category.name, "Renamed desk");
      });

      // The timeout only stops a purge that never comes from holding the suite.
      test("an article the scheduler publishes appears in every cached feed", { timeout: 30_000 }, async () => {
        const scheduler = await server().sibling({ ...siblingOptions(), schedulerIntervalMs: 5 });
        try {
          const next = await draft();
          await server().data(
            `mutation($id: ID!) { scheduleArticle(id: $id, version: 1, publishAt: "2100-01-01T00:00:00Z") { article { status } } }`,
            { id: encodeGlobalId("Article", next.id) },
            editor,
          );
          const feeds = feedsOf(author, category);
          await cacheFeeds(scheduler, feeds);
          // Its time comes: moved into the past rather than waited for.
          await server()
            .dataSource.getRepository(Article)
            .update({ id: next.id }, { publishedAt: new Date(Date.now() - 1000) });
          for (const variables of feeds) {
            while (!(await slugsIn(scheduler, variables)).slugs.includes(next.slug)) await sleep(20);
          }
        } finally {
          await scheduler.stop();
        }
      });

      test("requests with a credential are never answered from the cache, and their answers are never kept", async () => {
        const variables = { filter: { categorySlug: category.slug } };
        await post(server(), FEED, variables);
        assert.equal((await post(server(), FEED, variables)).headers.get("x-cache"), "HIT");
        for (const headers of [editor, { "x-preview-token": "a-preview-token" }]) {
          const before = await server().queriesSent();
          const answer = await post(server(), FEED, variables, headers);
          assert.equal(answer.headers.get("x-cache"), null);
          assert.equal(answer.headers.get("cache-control"), "private, no-store");
          assert.ok((await server().queriesSent()) - before > 0);
        }

        const own = `query Own { articles(first: 3) { nodes { slug status } } }`;
        await post(server(), own, {}, editor);
        const anonymous = await post(server(), own);
        assert.equal(anonymous.headers.get("x-cache"), null, "an editor's answer was served to a reader");

        const byToken = `query Mine($token: String!) { commentByEditToken(editToken: $token) { id } }`;
        await post(server(), byToken, { token: "not-a-token" });
        const again = await post(server(), byToken, { token: "not-a-token" });
        assert.equal(again.headers.get("x-cache"), null);
        assert.equal(again.headers.get("cache-control"), "private, no-store");
      });

      test("mutations and answers with errors are not cached", async () => {
        const failing = `query Broken { articles(first: 1000) { nodes { slug } } }`;
        await post(server(), failing);
        const answer = await post(server(), failing);
        assert.equal(answer.body.errors?.[0].extensions?.code, "BAD_USER_INPUT");
        assert.equal(answer.headers.get("x-cache"), null);
        assert.equal(answer.headers.get("cache-control"), "private, no-store");
        const mutation = await post(server(), `mutation { login(email: "nobody@example.com", password: "wrong password!") { token } }`);
        assert.equal(mutation.headers.get("cache-control"), "private, no-store");
      });

      if (store === "redis") {
        test("two instances sharing Redis share answers and see each other's purges", async () => {
          const second = await server().sibling(siblingOptions());
          try {
            const next = await draft();
            const variables = { filter: { authorSlug: author.slug } };
            await slugsIn(server(), variables);
            assert.equal((await slugsIn(second, variables)).hit, true, "the second instance did not find the first one's answer");
            await server().data(PUBLISH, { id: encodeGlobalId("Article", next.id), version: next.version }, editor);
            assert.ok((await slugsIn(second, variables)).slugs.includes(next.slug));
          } finally {
            await second.stop();
          }
        });
      }
    },
    options,
  );
}
