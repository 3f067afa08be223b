import assert from "node:assert/strict";
import { before, test } from "node:test";
import { Article } from "../src/modules/article/article.entity";
import { ArticleStatus } from "../src/modules/article/article-status";
import { createArticle, createAuthor, createCategory } from "./factories/content";
import { describeEachDatabase } from "./helpers/each-database";

const FEED_FIELDS = `totalCount edges { cursor node { slug title } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor }`;

interface FeedPage {
  totalCount: number;
  edges: { cursor: string; node: { slug: string; title: string } }[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
}

const HOUR = 3_600_000;
const BASE = Date.UTC(2025, 10, 1);

/** Whether a page's totalCount takes a statement: it does unless the page holds the whole feed. */
const counted = (page: FeedPage) => (page.totalCount > page.edges.length ? 1 : 0);

describeEachDatabase("the article page's byline and section feeds", (server) => {
  let pages: Article[];

  /** The owner's feed as its own lookup reads it, through the loaders. */
  const ownerFeed = async (owner: "author" | "category", slug: string, args: Record<string, unknown>): Promise<FeedPage> => {
    const query = `query($slug: String!, $first: Int, $after: String, $last: Int) {
      owner: ${owner}(slug: $slug) { articles(first: $first, after: $after, last: $last) { ${FEED_FIELDS} } }
    }`;
    return (await server().data(query, { slug, ...args })).owner.articles;
  };

  before(async () => {
    const ds = server().dataSource;
    const lead = await createAuthor(ds, { slug: "lead" });
    const cowriter = await createAuthor(ds, { slug: "cowriter" });
    const sparse = await createAuthor(ds, { slug: "sparse" });
    const world = await createCategory(ds, { slug: "world" });
    const arts = await createCategory(ds, { slug: "arts" });
    pages = [];
    for (let i = 0; i < 14; i++) {
      // Pairs share a publication time, so that the id decides their order; the co-writer's feed comes by both paths.
      const article = await createArticle(ds, {
        author: i % 4 === 3 ? cowriter : lead,
        coAuthors: i % 4 === 1 ? [cowriter] : [],
        category: i % 3 === 0 ? arts : world,
        publishedAt: new Date(BASE + Math.floor(i / 2) * HOUR),
      });
      pages.push(article);
    }
    pages.push(await createArticle(ds, { author: sparse, category: arts, publishedAt: new Date(BASE + 20 * HOUR) }));
    // Newer than all, and in every feed: a leak would show first.
    for (const author of [lead, cowriter, sparse]) await createArticle(ds, { author, category: world, status: ArticleStatus.DRAFT, publishedAt: null });
  });

  test("reads the byline's and section's first pages in the article's own statement, the pages (cursors, pageInfo, totalCount) their owners' feeds give", async () => {
    const query = `query($slug: String!, $first: Int, $last: Int) {
      article(slug: $slug) {
        title
        author { slug articles(first: $first, last: $last) { ${FEED_FIELDS} } }
        category { slug articles(first: $first, last: $last) { ${FEED_FIELDS} } }
      }
    }`;
    for (const page of [pages[0], pages[3], pages[9], pages.at(-1)!]) {
      for (const args of [{ first: 3 }, { first: 20 }, { first: 0 }, { last: 2 }]) {
        const { article } = await server().data(query, { slug: page.slug, ...args });
        const label = `${page.slug} ${JSON.stringify(args)}`;
        assert.deepEqual(article.author.articles, await ownerFeed("author", article.author.slug, args), label);
        assert.deepEqual(article.category.articles, await ownerFeed("category", article.category.slug, args), label);
        // Backward pages are read by their loaders, one statement each.
        const feeds = "last" in args ? 2 : 0;
        const counts = counted(article.author.articles) + counted(article.category.articles);
        assert.equal(await server().countQueries(query, { slug: page.slug, ...args }), 1 + feeds + counts, label);
      }
    }
  });

  test("answers Check Also from the section's read too: the feeds add no statement to a page showing Check Also, and answer as the loaders do", async () => {
    const page = `
      author { slug articles(first: 3) { ${FEED_FIELDS} } }
      category { slug articles(first: 2) { ${FEED_FIELDS} } }
      checkAlso { slug title excerpt(maxLength: 80) }`;
    const bySlug = `query($slug: String!) { article(slug: $slug) { ${page} } }`;
    const byId = `query($id: ID!) { article(id: $id) { ${page} } }`;
    const withoutFeeds = `query($slug: String!) { article(slug: $slug) { author { slug } category { slug } checkAlso { slug title excerpt(maxLength: 80) } } }`;
    for (const article of [pages[2], pages[7], pages.at(-1)!]) {
      const { article: read } = await server().data(bySlug, { slug: article.slug });
      const { id } = (await server().data(`query($slug: String!) { article(slug: $slug) { id } }`, { slug: article.slug })).article;
      assert.deepEqual(read, (await server().data(byId, { id })).article, article.slug);
      assert.ok(read.checkAlso, `${article.slug} has a Check Also article`);
      const counts = counted(read.author.articles) + counted(read.category.articles);
      assert.equal(
        await server().countQueries(bySlug, { slug: article.slug }),
        (await server().countQueries(withoutFeeds, { slug: article.slug })) + counts,
        article.slug,
      );
    }
  });

  test("reads a feed shown twice under aliases once, as large as the larger, and a page after a cursor by its loader", async () => {
    const lead = pages[0];
    const after = (await ownerFeed("author", "lead", { first: 2 })).pageInfo.endCursor;
    const query = `query($slug: String!, $after: String) {
      article(slug: $slug) {
        author {
          slug
          small: articles(first: 2) { ${FEED_FIELDS} }
          large: articles(first: 5) { ${FEED_FIELDS} }
          next: articles(first: 2, after: $after) { ${FEED_FIELDS} }
        }
        byline: author { more: articles(first: 4) { edges { node { slug } } } }
      }
    }`;
    const { article } = await server().data(query, { slug: lead.slug, after });
    assert.deepEqual(article.author.small, await ownerFeed("author", "lead", { first: 2 }));
    assert.deepEqual(article.author.large, await ownerFeed("author", "lead", { first: 5 }));
    assert.deepEqual(article.author.next, await ownerFeed("author", "lead", { first: 2, after }));
    assert.deepEqual(
      article.byline.more.edges,
      (await ownerFeed("author", "lead", { first: 4 })).edges.map((edge) => ({ node: { slug: edge.node.slug } })),
    );
    // The article with its first pages, the page after the cursor, and the feed's count.
    assert.equal(await server().countQueries(query, { slug: lead.slug, after }), 3);
  });
});
