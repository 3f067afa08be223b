import assert from "node:assert/strict";
import { before, test } from "node:test";
import { Author } from "../src/modules/directory/author/author.entity";
import { Category } from "../src/modules/directory/category/category.entity";
import { createArticle, createAuthor, createCategory } from "./factories/content";
import { describeEachDatabase } from "./helpers/each-database";
import { readAllPages, readPages } from "./helpers/paging";

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

const slugsOf = (articles: FeedPage["articles"]) => articles.edges.map((edge) => edge.node.slug);

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
    slugsNewestFirst = created.sort((a, b) => b.publishedAt!.getTime() - a.publishedAt!.getTime() || b.id - a.id).map((article) => article.slug);
  });

  test("pages forwards through the whole feed, newest first, every article once, matching totalCount", async () => {
    const pages = await readPages(
      async (args) => {
        const { articles } = await server().data<FeedPage>(FEED, args);
        assert.equal(articles.totalCount, 23);
        assert.equal(articles.pageInfo.hasPreviousPage, args.after !== null);
        if (articles.pageInfo.hasNextPage) assert.equal(articles.pageInfo.endCursor, articles.edges.at(-1)!.cursor);
        return articles;
      },
      5,
      "forwards",
    );
    assert.equal(pages.length, 5);
    assert.deepEqual(pages.flatMap(slugsOf), slugsNewestFirst);
  });

  test("pages backwards from the end with last/before and meets the same order", async () => {
    const read = async (args: Record<string, unknown>) => {
      const { articles } = await server().data<FeedPage>(FEED, args);
      assert.equal(articles.pageInfo.hasNextPage, args.before !== null);
      return { items: slugsOf(articles), pageInfo: articles.pageInfo };
    };
    assert.deepEqual(await readAllPages(read, 4, "backwards"), slugsNewestFirst);
  });

  test("sorts OLDEST as the exact reverse of NEWEST", async () => {
    const { articles } = await server().data<FeedPage>(FEED, { first: 100, orderBy: "OLDEST" });
    assert.deepEqual(slugsOf(articles), [...slugsNewestFirst].reverse());
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
    let expectedTotal = 23;
    const read = async (args: Record<string, unknown>) => {
      if (args.after !== null) {
        await createArticle(ds, { author, category, publishedAt: new Date() });
        expectedTotal++;
      }
      const { articles } = await server().data<FeedPage>(FEED, args);
      return { items: slugsOf(articles), pageInfo: articles.pageInfo };
    };
    assert.deepEqual(await readAllPages(read, 6, "forwards"), slugsNewestFirst);
    const { articles } = await server().data<FeedPage>(FEED, { first: 0 });
    assert.equal(articles.totalCount, expectedTotal);
  });
});
