import assert from "node:assert/strict";
import { before, test } from "node:test";
import { DataSource } from "typeorm";
import { Tag } from "../src/modules/directory/tag/tag.entity";
import { createArticle, createAuthor, createCategory, createComment, createTag } from "./factories/content";
import { ServerDeps } from "../src/server";
import { describeEachDatabase } from "./helpers/each-database";

const FEED = `
  query Feed($first: Int!) {
    articles(first: $first) {
      totalCount
      nodes {
        title excerpt readingTimeMinutes commentCount
        author { name articles(first: 3) { totalCount nodes { slug category { name } } } }
        category { name articles(first: 2) { nodes { slug } } }
        tags { name }
        comments(first: 3) { totalCount nodes { authorName replyCount replies(first: 2) { nodes { body parent { id } } } } }
      }
    }
  }`;

const FEED_WITH_READING_PATH = `
  query FeedWithReadingPath($first: Int!) {
    articles(first: $first) {
      nodes {
        slug
        relatedArticles(first: 3) { totalCount edges { score reasons node { slug author { name } } } }
        keepReading { slug category { name } }
        checkAlso { slug }
        previousArticle { slug }
        nextArticle(sameCategory: true) { slug }
      }
    }
  }`;

/** The bench's W1. */
const FRONT_PAGE = `
  query FrontPage($first: Int!) {
    articles(first: $first) {
      pageInfo { hasNextPage endCursor }
      edges {
        cursor
        node { id slug title excerpt(maxLength: 140) readingTimeMinutes publishedAt commentCount author { name } category { name } tags { name } }
      }
    }
  }`;

const AUTHORS_PAGE = `
  query AuthorsPage($first: Int!) {
    authors(first: $first) { nodes { name articles(first: 5) { nodes { title category { name } } } } }
  }`;

/** No scheduler tick nor outbox poll may land between two readings of the process-wide db_queries_total. */
const QUIET: Partial<ServerDeps> = { schedulerIntervalMs: 0, comments: { mail: { pollMs: 0 } } };

describeEachDatabase(
  "batching",
  (server) => {
    before(() => seedAuthorsWithArticles(server().dataSource));

    test("a feed of 50 articles with every relation sends as many statements as a feed of 5", async () => {
      const small = await server().countQueries(FEED, { first: 5 });
      const large = await server().countQueries(FEED, { first: 50 });
      assert.equal(large, small);
      assert.ok(large <= 14, `expected a bounded number of statements, got ${large}`);
    });

    test("a feed of 50 articles each with related articles, Keep Reading, Check Also, previous and next sends as many statements as a feed of 5", async (t) => {
      const small = await server().countQueries(FEED_WITH_READING_PATH, { first: 5 });
      const large = await server().countQueries(FEED_WITH_READING_PATH, { first: 50 });
      assert.equal(large, small);
      t.diagnostic(`the feed sent ${large} SQL statements`);
      const { articles } = await server().data(FEED_WITH_READING_PATH, { first: 50 });
      for (const article of articles.nodes) {
        assert.equal(article.relatedArticles.edges.length, 3);
        assert.ok(!article.relatedArticles.edges.some((edge: any) => edge.node.slug === article.slug));
        assert.equal(article.keepReading.slug, article.relatedArticles.edges[0].node.slug);
      }
    });

    test("an article's ranking is read once for the whole page, as deep as its longest page of related articles, whichever field asks first", async () => {
      const { articles } = await server().data(`query { articles(first: 1) { nodes { slug } } }`);
      const slug = articles.nodes[0].slug;
      const related = "relatedArticles(first: 10) { edges { node { slug } } pageInfo { hasNextPage } }";
      const pickFirst = `query($slug: String!) { article(slug: $slug) { keepReading { slug } ${related} } }`;
      const alone = `query($slug: String!) { article(slug: $slug) { ${related} } }`;
      assert.equal(await server().countQueries(pickFirst, { slug }), await server().countQueries(alone, { slug }));
      const page = (await server().data(pickFirst, { slug })).article;
      const all = (await server().data(`query($slug: String!) { article(slug: $slug) { relatedArticles(first: 100) { edges { node { slug } } } } }`, { slug }))
        .article.relatedArticles.edges;
      assert.ok(all.length > 10);
      assert.deepEqual(page.relatedArticles.edges, all.slice(0, 10));
      assert.equal(page.relatedArticles.pageInfo.hasNextPage, true);
      assert.equal(page.keepReading.slug, all[0].node.slug);
    });

    test("a thread's reply counts come with its page: showing replyCount takes no statement of its own, and counts what replies shows", async () => {
      const thread = (fields: string) => `query { articles(first: 10) { nodes { comments(first: 5) { nodes { ${fields} } } } } }`;
      assert.equal(await server().countQueries(thread("id replyCount")), await server().countQueries(thread("id")));
      const { articles } = await server().data(thread("id replyCount replies(first: 10) { totalCount nodes { id replyCount } }"));
      const comments = articles.nodes.flatMap((article: any) => article.comments.nodes);
      assert.ok(comments.some((comment: any) => comment.replyCount > 0));
      for (const comment of comments) {
        assert.equal(comment.replyCount, comment.replies.nodes.length);
        assert.equal(comment.replies.totalCount, comment.replyCount);
        for (const reply of comment.replies.nodes) assert.equal(reply.replyCount, 0);
      }
    });

    test("the authors page (20 authors, 5 articles each, with sections) takes one statement: the authors, each with their articles and their sections", async () => {
      assert.equal(await server().countQueries(AUTHORS_PAGE, { first: 20 }), 1);
      const { authors } = await server().data(AUTHORS_PAGE, { first: 20 });
      assert.equal(authors.nodes.length, 20);
      for (const author of authors.nodes) assert.equal(author.articles.nodes.length, 4);
    });

    test("the front-page feed (20 articles with byline, section, tags, excerpt and comment count) takes one statement: the page with its bylines, sections and tags", async () => {
      assert.equal(await server().countQueries(FRONT_PAGE, { first: 20 }), 1);
      const { articles } = await server().data(FRONT_PAGE, { first: 20 });
      assert.equal(articles.edges.length, 20);
      for (const { node } of articles.edges) {
        assert.ok(node.author.name && node.category.name && node.excerpt);
        assert.equal(node.tags.length, 2);
      }
    });

    test("a feed that shows bodies reads them in one more statement, whatever its length", async () => {
      const withBodies = `query($first: Int!) { articles(first: $first) { nodes { title body headings { anchor } } } }`;
      const small = await server().countQueries(withBodies, { first: 5 });
      assert.equal(await server().countQueries(withBodies, { first: 50 }), small);
      assert.equal(small, 2);
      const { articles } = await server().data(withBodies, { first: 50 });
      for (const article of articles.nodes) {
        assert.match(article.body, /<p id="p-1">/);
        assert.deepEqual(article.headings, [{ anchor: "the-story" }, { anchor: "what-next" }]);
      }
    });

    test("pages of one list that differ only in size and fields share one statement, each the page it would be alone", async () => {
      const page = (first: number, fields: string) => `articles(first: ${first}) { nodes { ${fields} } pageInfo { hasNextPage endCursor } }`;
      const authorsShowing = (selection: string) => `query { authors(first: 3) { nodes { ${selection} } } }`;
      const both = authorsShowing(`few: ${page(2, "slug")} more: ${page(4, "slug title")}`);
      assert.equal(await server().countQueries(both), 2);
      const { authors } = await server().data(both);
      const few = (await server().data(authorsShowing(page(2, "slug")))).authors.nodes;
      const more = (await server().data(authorsShowing(page(4, "slug title")))).authors.nodes;
      authors.nodes.forEach((author: any, index: number) => {
        assert.deepEqual(author.few, few[index].articles);
        assert.deepEqual(author.more, more[index].articles);
        assert.equal(author.few.pageInfo.hasNextPage, true);
      });
    });

    test("a page that holds a whole list gives its totalCount without counting in SQL", async () => {
      const counted = (first: number) => `query { authors(first: 3) { nodes { articles(first: ${first}) { totalCount nodes { slug } } } } }`;
      assert.equal(await server().countQueries(counted(5)), 1);
      assert.equal(await server().countQueries(counted(2)), 2);
      for (const first of [2, 5]) {
        const { authors } = await server().data(counted(first));
        for (const author of authors.nodes) assert.equal(author.articles.totalCount, 4);
      }
    });

    test("a page of 100 articles answers completely", async () => {
      const { articles } = await server().data(FEED, { first: 100 });
      assert.equal(articles.totalCount, 100);
      assert.equal(articles.nodes.length, 100);
      for (const article of articles.nodes) {
        assert.equal(article.tags.length, 2);
        assert.equal(article.author.articles.totalCount, 4);
      }
    });
  },
  QUIET,
);

describeEachDatabase(
  "batching switched off (the bench's naive build, LOADER_BATCHING=off)",
  (server) => {
    before(() => seedAuthorsWithArticles(server().dataSource));

    test("the authors page sends a statement per author, so it grows with the page", async () => {
      const five = await server().countQueries(AUTHORS_PAGE, { first: 5 });
      const twenty = await server().countQueries(AUTHORS_PAGE, { first: 20 });
      // The authors, then each author's articles (their sections come joined to them).
      assert.equal(twenty, 1 + 20);
      assert.ok(twenty > five, `20 authors sent ${twenty} statements, 5 sent ${five}`);
    });

    test("still answers the whole page", async () => {
      const { authors } = await server().data(AUTHORS_PAGE, { first: 20 });
      assert.equal(authors.nodes.length, 20);
      for (const author of authors.nodes) assert.equal(author.articles.nodes.length, 4);
    });
  },
  { ...QUIET, loaderOptions: { batching: false } },
);

/** 25 authors with 4 articles each over 3 sections and 6 tags; every other article has a comment with a reply. */
async function seedAuthorsWithArticles(ds: DataSource): Promise<void> {
  const categories = [await createCategory(ds), await createCategory(ds), await createCategory(ds)];
  const tags: Tag[] = [];
  for (let i = 0; i < 6; i++) tags.push(await createTag(ds));
  for (let a = 0; a < 25; a++) {
    const author = await createAuthor(ds);
    for (let i = 0; i < 4; i++) {
      const article = await createArticle(ds, {
        author,
        category: categories[(a + i) % 3],
        tags: [tags[(a + i) % 6], tags[(a + i + 1) % 6]],
      });
      if (i % 2 === 0) {
        const comment = await createComment(ds, { article });
        await createComment(ds, { article, parent: comment });
      }
    }
  }
}
