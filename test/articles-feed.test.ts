import assert from "node:assert/strict";
import { before, test } from "node:test";
import { Author } from "../src/modules/directory/author/author.entity";
import { Category } from "../src/modules/directory/category/category.entity";
import { createArticle, createAuthor, createCategory } from "./factories/content";
import { describeEachDatabase } from "./helpers/each-database";

const FEED = `
  query Feed($first: Int, $after: String, $last: Int, $before: String, $orderBy: ArticleOrder) {
    articles(first: $first, after: $after, last: $last, before: $before, orderBy: $orderBy) {
      totalCount
      edges { cursor node { id slug publishedAt } }
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    }
  }`;

interface FeedPage {
  articles: {
    totalCount: number;
    edges: { cursor: string; node: { id: string; slug: string; publishedAt: string } }[];
    pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  };
}

describeEachDatabase("the article feed", (server) => {
  let author: Author;
  let category: Category;
  let slugsNewestFirst: string[];

  before(async () => {
    const ds = server().dataSource;
    author = await createAuthor(ds);
    category = await createCategory(ds);
    const base = Date.UTC(2025, 5, 1);
    const created = [];
    for (let i = 0; i < 23; i++) {
      // Pairs share a publication time: the id tiebreaker must order them.
      created.push(await createArticle(ds, { author, category, publishedAt: new Date(base + Math.floor(i / 2) * 3_600_000) }));
    }
    slugsNewestFirst = created
      .sort((a, b) => b.publishedAt!.getTime() - a.publishedAt!.getTime() || b.id - a.id)
      .map((article) => article.slug);
  });

  test("pages forwards through the whole feed, newest first, every article once, matching totalCount", async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const { articles }: FeedPage = await server().data<FeedPage>(FEED, { first: 5, after });
      assert.equal(articles.totalCount, 23);
      assert.equal(articles.pageInfo.hasPreviousPage, after !== null);
      seen.push(...articles.edges.map((edge) => edge.node.slug));
      pages++;
      if (!articles.pageInfo.hasNextPage) break;
      assert.equal(articles.pageInfo.endCursor, articles.edges.at(-1)!.cursor);
      after = articles.pageInfo.endCursor;
    }
    assert.equal(pages, 5);
    assert.deepEqual(seen, slugsNewestFirst);
  });

  test("pages backwards from the end with last/before and meets the same order", async () => {
    const seen: string[] = [];
    let before: string | null = null;
    for (;;) {
      const { articles }: FeedPage = await server().data<FeedPage>(FEED, { last: 4, before });
      assert.equal(articles.pageInfo.hasNextPage, before !== null);
      seen.unshift(...articles.edges.map((edge) => edge.node.slug));
      if (!articles.pageInfo.hasPreviousPage) break;
      before = articles.pageInfo.startCursor;
    }
    assert.deepEqual(seen, slugsNewestFirst);
  });

  test("sorts OLDEST as the exact reverse of NEWEST", async () => {
    const { articles } = await server().data<FeedPage>(FEED, { first: 100, orderBy: "OLDEST" });
    assert.deepEqual(articles.edges.map((edge) => edge.node.slug), [...slugsNewestFirst].reverse());
  });

  test("an empty page (first: 0) still reports the total and that more exist", async () => {
    const { articles } = await server().data<FeedPage>(FEED, { first: 0 });
    assert.deepEqual(articles.edges, []);
    assert.equal(articles.totalCount, 23);
    assert.equal(articles.pageInfo.hasNextPage, true);
    assert.equal(articles.pageInfo.startCursor, null);
  });

  test("keeps paging without duplicates or gaps while new articles are published in between", async () => {
    const ds = server().dataSource;
    const seen: string[] = [];
    let after: string | null = null;
    let expectedTotal = 23;
    for (;;) {
      const { articles }: FeedPage = await server().data<FeedPage>(FEED, { first: 6, after });
      seen.push(...articles.edges.map((edge) => edge.node.slug));
      if (!articles.pageInfo.hasNextPage) break;
      after = articles.pageInfo.endCursor;
      await createArticle(ds, { author, category, publishedAt: new Date() });
      expectedTotal++;
    }
    assert.deepEqual(seen, slugsNewestFirst);
    const { articles } = await server().data<FeedPage>(FEED, { first: 0 });
    assert.equal(articles.totalCount, expectedTotal);
  });
});
