import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { before, test } from "node:test";
import { DEFAULT_VIEWS } from "../src/config";
import { Article } from "../src/modules/article/article.entity";
import { ArticleStatus } from "../src/modules/article/article-status";
import { Category } from "../src/modules/directory/category/category.entity";
import { ArticleViewBucket } from "../src/modules/article/views/article-view-bucket.entity";
import { ReadWindow, bucketOf } from "../src/modules/article/views/read-window";
import { Role } from "../src/modules/user/role";
import { ServerDeps } from "../src/server";
import { encodeGlobalId } from "../src/shared/global-id";
import { createArticle, createAuthor, createCategory } from "./factories/content";
import { createUser, signIn } from "./factories/users";
import { cachingFor } from "./helpers/caching";
import { describeEachDatabase } from "./helpers/each-database";

const RECORD = `mutation Record($input: RecordViewInput!) { recordView(input: $input) }`;

const COUNTS = `query Counts($slug: String!) {
  article(slug: $slug) { hour: viewCount(window: HOUR) day: viewCount(window: DAY) week: viewCount }
}`;

const MOST_READ = `query MostRead($section: String!, $window: ReadWindow, $first: Int, $after: String, $last: Int, $before: String) {
  articles(orderBy: MOST_READ, filter: { categorySlug: $section, readWindow: $window }, first: $first, after: $after, last: $last, before: $before) {
    totalCount
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    nodes { slug viewCount(window: $window) }
  }
}`;

const HUMAN = { "user-agent": "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15" };
const GOOGLEBOT = { "user-agent": "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)" };

/** Views are flushed every 50 ms here, so what was counted shows soon; no scheduler tick or outbox poll sends SQL meanwhile. */
const OPTIONS: Partial<ServerDeps> = {
  schedulerIntervalMs: 0,
  comments: { mail: { pollMs: 0 } },
  views: { ...DEFAULT_VIEWS, flushIntervalMs: 50, rateLimit: { limit: 10_000, windowMs: 60_000 } },
};

/** Retries `check` until it stops throwing: counted views show after the next flush. */
async function eventually(check: () => Promise<void>, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }
}

const readerKey = () => randomUUID();

describeEachDatabase(
  "most read",
  (server) => {
    let section: Category;
    let articles: Article[];

    const record = async (article: Article, key: string, headers: Record<string, string> = HUMAN): Promise<boolean> =>
      (await server().data(RECORD, { input: { articleId: encodeGlobalId("Article", article.id), readerKey: key } }, headers)).recordView;
    const counts = async (article: Article) => (await server().data(COUNTS, { slug: article.slug })).article;
    const mostRead = async (variables: Record<string, unknown>) => (await server().data(MOST_READ, { section: section.slug, ...variables })).articles;
    /** Readers seeded straight into the buckets (as earlier flushes would have left them), `minutesAgo` before now. */
    const seedViews = (article: Article, window: ReadWindow, views: number, minutesAgo = 0) =>
      server()
        .dataSource.getRepository(ArticleViewBucket)
        .insert({ articleId: article.id, readWindow: window, bucketStart: bucketOf(window, Date.now() - minutesAgo * 60_000), views });
    /** A section of its own with `count` published articles, oldest first: each test ranks only its own. */
    const newSection = async (count: number) => {
      const author = await createAuthor(server().dataSource);
      section = await createCategory(server().dataSource);
      articles = [];
      for (let i = 0; i < count; i++) articles.push(await createArticle(server().dataSource, { author, category: section }));
    };

    before(() => newSection(3));

    test("counts a reader once per article per window: a retried recordView counts nothing more", async () => {
      const [article] = articles;
      const ada = readerKey();
      assert.equal(await record(article, ada), true);
      assert.equal(await record(article, ada), false, "the retry");
      assert.equal(await record(article, readerKey()), true, "another reader");
      await eventually(async () => assert.deepEqual(await counts(article), { hour: 2, day: 2, week: 2 }));
      assert.equal(await record(article, ada), false, "later still, within the hour");
    });

    test("does not count crawlers by their user agent", async () => {
      const article = articles[1];
      assert.equal(await record(article, readerKey(), GOOGLEBOT), false);
      assert.equal(await record(article, readerKey(), { "user-agent": "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)" }), false);
      assert.equal(await record(article, readerKey()), true);
      await eventually(async () => assert.equal((await counts(article)).week, 1));
    });

    test("counts a signed-in user once, whatever readerKey each of their devices sends", async () => {
      const article = articles[2];
      const headers = { ...HUMAN, ...(await signIn(server(), await createUser(server().dataSource, Role.AUTHOR))) };
      assert.equal(await record(article, readerKey(), headers), true);
      assert.equal(await record(article, readerKey(), headers), false, "the same user on another device");
      await eventually(async () => assert.equal((await counts(article)).week, 1));
    });

    test("refuses a readerKey that is not an opaque id, and an article that is not published, naming the field", async () => {
      const draft = await createArticle(server().dataSource, {
        author: await createAuthor(server().dataSource),
        category: section,
        status: ArticleStatus.DRAFT,
        publishedAt: null,
      });
      const cases: [string, string, string][] = [
        [encodeGlobalId("Article", articles[0].id), "short", "input.readerKey"],
        [encodeGlobalId("Article", articles[0].id), "has spaces in it", "input.readerKey"],
        [encodeGlobalId("Article", articles[0].id), "x".repeat(129), "input.readerKey"],
        [encodeGlobalId("Article", draft.id), readerKey(), "input.articleId"],
        [encodeGlobalId("Author", 1), readerKey(), "input.articleId"],
        ["not an id", readerKey(), "input.articleId"],
      ];
      for (const [articleId, key, field] of cases) {
        const answer = await server().graphql(RECORD, { input: { articleId, readerKey: key } }, HUMAN);
        assert.equal(answer.status, 200);
        assert.equal(answer.body.errors?.[0].extensions?.code, "BAD_USER_INPUT", `${articleId} ${key}`);
        assert.equal(answer.body.errors?.[0].extensions?.field, field);
      }
    });

    test("lists a section's most read articles, then the newest among equals, and pages both ways without gaps", async () => {
      await newSection(6);
      const [a, b, c, d, e, f] = articles;
      await seedViews(a, ReadWindow.WEEK, 2);
      await seedViews(b, ReadWindow.WEEK, 9);
      await seedViews(c, ReadWindow.WEEK, 2);
      await seedViews(d, ReadWindow.WEEK, 4, 60 * 24 * 3);
      await seedViews(d, ReadWindow.WEEK, 1);
      // Out of the week: e ranks with those nobody read.
      await seedViews(e, ReadWindow.WEEK, 50, 60 * 24 * 8);
      const expected = [b, d, c, a, f, e].map((article) => article.slug);
      const all = await mostRead({ first: 10 });
      assert.deepEqual(
        all.nodes.map((node: { slug: string }) => node.slug),
        expected,
      );
      assert.deepEqual(
        all.nodes.map((node: { viewCount: number }) => node.viewCount),
        [9, 5, 2, 2, 0, 0],
      );
      assert.equal(all.totalCount, 6);
      const forward: string[] = [];
      let after: string | null = null;
      for (;;) {
        const page: any = await mostRead({ first: 2, after });
        forward.push(...page.nodes.map((node: { slug: string }) => node.slug));
        if (!page.pageInfo.hasNextPage) break;
        after = page.pageInfo.endCursor;
      }
      assert.deepEqual(forward, expected);
      const backward: string[] = [];
      let before: string | null = null;
      for (;;) {
        const page: any = await mostRead({ last: 4, before });
        backward.unshift(...page.nodes.map((node: { slug: string }) => node.slug));
        if (!page.pageInfo.hasPreviousPage) break;
        before = page.pageInfo.startCursor;
      }
      assert.deepEqual(backward, expected);
    });

    test("ranks by the window asked for: a reader of two hours ago counts in DAY and WEEK, not in HOUR", async () => {
      await newSection(2);
      const [earlier, now] = articles;
      await seedViews(earlier, ReadWindow.HOUR, 7, 120);
      await seedViews(earlier, ReadWindow.DAY, 7, 120);
      await seedViews(earlier, ReadWindow.WEEK, 7, 120);
      for (const window of [ReadWindow.HOUR, ReadWindow.DAY, ReadWindow.WEEK]) await seedViews(now, window, 1);
      const slugs = async (window: ReadWindow) => (await mostRead({ window })).nodes.map((node: { slug: string }) => node.slug);
      assert.deepEqual(await slugs(ReadWindow.HOUR), [now.slug, earlier.slug]);
      assert.deepEqual(await slugs(ReadWindow.DAY), [earlier.slug, now.slug]);
      assert.deepEqual(await slugs(ReadWindow.WEEK), [earlier.slug, now.slug]);
      assert.deepEqual(await counts(earlier), { hour: 0, day: 7, week: 7 });
    });

    test("refuses readWindow without MOST_READ, and one window's cursor in another window's list", async () => {
      const withoutOrder = await server().graphql(`{ articles(filter: { readWindow: DAY }) { totalCount } }`);
      assert.equal(withoutOrder.body.errors?.[0].extensions?.code, "BAD_USER_INPUT");
      assert.equal(withoutOrder.body.errors?.[0].extensions?.field, "filter.readWindow");
      const week = await mostRead({ first: 1 });
      const day = await server().graphql(MOST_READ, { section: section.slug, window: "DAY", after: week.pageInfo.endCursor });
      assert.equal(day.body.errors?.[0].extensions?.code, "BAD_USER_INPUT");
      assert.equal(day.body.errors?.[0].extensions?.field, "after");
    });

    test("counts the views of a feed of 20 in one statement", async () => {
      await newSection(20);
      for (const [index, article] of articles.entries()) await seedViews(article, ReadWindow.WEEK, index + 1);
      const feed = (fields: string) => `query($section: String!) { articles(first: 20, filter: { categorySlug: $section }) { nodes { slug ${fields} } } }`;
      const plain = await server().countQueries(feed(""), { section: section.slug });
      const withCounts = await server().countQueries(feed("viewCount"), { section: section.slug });
      assert.ok(withCounts - plain <= 1, `viewCount on 20 articles took ${withCounts - plain} more statements`);
      const twoWindows = await server().countQueries(feed("week: viewCount day: viewCount(window: DAY)"), { section: section.slug });
      assert.ok(twoWindows - plain <= 2, `two windows took ${twoWindows - plain} more statements`);
      const ranked = await server().countQueries(
        `query($section: String!) { articles(first: 20, orderBy: MOST_READ, filter: { categorySlug: $section }) { nodes { slug } } }`,
        { section: section.slug },
      );
      assert.equal(ranked, plain, "ranking by views joins them into the list's one statement");
    });

    test("answers MOST_READ lists and view counts with a short max-age, other lists with their own", async () => {
      const maxAge = async (query: string, variables?: Record<string, unknown>) =>
        /max-age=(\d+)/.exec((await server().graphql(query, variables)).headers.get("cache-control") ?? "")?.[1];
      assert.equal(await maxAge(`{ articles(first: 3) { nodes { slug } } }`), "60");
      assert.equal(await maxAge(`{ articles(first: 3, orderBy: MOST_READ) { nodes { slug } } }`), "30");
      assert.equal(await maxAge(`query($order: ArticleOrder) { articles(first: 3, orderBy: $order) { nodes { slug } } }`, { order: "MOST_READ" }), "30");
      assert.equal(await maxAge(`query($order: ArticleOrder) { articles(first: 3, orderBy: $order) { nodes { slug } } }`, { order: "NEWEST" }), "60");
      assert.equal(await maxAge(`query($order: ArticleOrder = MOST_READ) { articles(first: 3, orderBy: $order) { nodes { slug } } }`), "30");
      assert.equal(await maxAge(`query($slug: String!) { article(slug: $slug) { title viewCount } }`, { slug: articles[0].slug }), "30");
    });

    test("writes the views it counted when it closes, and drops those of an article deleted meanwhile", async () => {
      await newSection(2);
      const [kept, deleted] = articles;
      const sibling = await server().sibling({ ...OPTIONS, views: { ...OPTIONS.views!, flushIntervalMs: 3_600_000 } });
      const recordThere = async (article: Article) =>
        (await sibling.data(RECORD, { input: { articleId: encodeGlobalId("Article", article.id), readerKey: readerKey() } }, HUMAN)).recordView;
      assert.equal(await recordThere(kept), true);
      assert.equal(await recordThere(deleted), true);
      await server().dataSource.getRepository(Article).delete({ id: deleted.id });
      await sibling.stop();
      assert.equal((await counts(kept)).week, 1);
    });
  },
  OPTIONS,
);

describeEachDatabase(
  "most read, rate-limited",
  (server) => {
    test("stops counting a client address past VIEW_RATE_LIMIT, without an error", async () => {
      const article = await createArticle(server().dataSource, {
        author: await createAuthor(server().dataSource),
        category: await createCategory(server().dataSource),
      });
      const answers = [];
      for (let i = 0; i < 4; i++) {
        const answer = await server().graphql(RECORD, { input: { articleId: encodeGlobalId("Article", article.id), readerKey: readerKey() } }, HUMAN);
        assert.equal(answer.body.errors, undefined);
        answers.push(answer.body.data.recordView);
      }
      assert.deepEqual(answers, [true, true, true, false]);
    });
  },
  { ...OPTIONS, views: { ...DEFAULT_VIEWS, flushIntervalMs: 50, rateLimit: { limit: 3, windowMs: 60_000 } } },
);

describeEachDatabase(
  "most read behind the response cache",
  (server) => {
    test("serves a cached MOST_READ list until the next flush of counted views purges it", async () => {
      const author = await createAuthor(server().dataSource);
      const category = await createCategory(server().dataSource);
      const older = await createArticle(server().dataSource, { author, category });
      const newer = await createArticle(server().dataSource, { author, category });
      const query = `query($section: String!) { articles(orderBy: MOST_READ, filter: { categorySlug: $section }) { nodes { slug viewCount } } }`;
      const read = async () => {
        const answer = await server().graphql(query, { section: category.slug });
        return { hit: answer.headers.get("x-cache") === "HIT", nodes: answer.body.data.articles.nodes };
      };
      assert.deepEqual((await read()).nodes, [
        { slug: newer.slug, viewCount: 0 },
        { slug: older.slug, viewCount: 0 },
      ]);
      assert.equal((await read()).hit, true);
      const recorded = await server().data(RECORD, { input: { articleId: encodeGlobalId("Article", older.id), readerKey: readerKey() } }, HUMAN);
      assert.equal(recorded.recordView, true);
      await eventually(async () => {
        const fresh = await read();
        assert.equal(fresh.hit, false);
        assert.deepEqual(fresh.nodes, [
          { slug: older.slug, viewCount: 1 },
          { slug: newer.slug, viewCount: 0 },
        ]);
      });
    });
  },
  { ...OPTIONS, caching: cachingFor("memory", { responseCacheTtlSeconds: 3600 }) },
);
