import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { before, test } from "node:test";
import { Article } from "../src/modules/article/article.entity";
import { ArticleStatus } from "../src/modules/article/article-status";
import { createArticle, createAuthor, createCategory, createComment, createTag } from "./factories/content";
import { describeEachDatabase } from "./helpers/each-database";

/** The article page as README.md shows it and clients send it (ARTICLE_PAGE asks for all of it, and more). */
const SHIPPED_PAGE = readFileSync(join(__dirname, "..", "..", "operations", "ArticlePage.graphql"), "utf8");

/** The page of PRODUCT.md, top to bottom, with every list's size given by $first. */
const ARTICLE_PAGE = `
  query ArticlePage($slug: String!, $first: Int!) {
    article(slug: $slug) {
      id slug title subtitle readingTimeMinutes wordCount publishedAt updatedAt
      featuredImage { url alt caption width height }
      body
      headings { level text anchor }
      tags { slug name }
      keepReading { slug title excerpt(maxLength: 120) featuredImage { url alt } }
      author {
        name bio avatarUrl
        articles(first: $first) { totalCount nodes { slug title } pageInfo { hasNextPage endCursor } }
      }
      category {
        name
        articles(first: $first) { totalCount nodes { slug title } pageInfo { hasNextPage endCursor } }
      }
      relatedArticles(first: $first) {
        totalCount
        edges { cursor score reasons node { slug title excerpt(maxLength: 100) readingTimeMinutes } }
        pageInfo { hasNextPage endCursor }
      }
      commentCount
      comments(first: $first) {
        totalCount
        pageInfo { hasNextPage endCursor }
        nodes {
          id authorName body createdAt anchor { blockId quote }
          replyCount
          replies(first: $first) { totalCount nodes { id authorName body createdAt } }
        }
      }
      inlineFeedback(first: $first) {
        pageInfo { hasNextPage endCursor }
        nodes { id authorName body createdAt anchor { blockId quote } }
      }
      content {
        __typename
        ... on BlockBase { id inlineFeedbackCount }
        ... on HeadingBlock { level text anchor }
        ... on ParagraphBlock { spans { text marks href } }
        ... on QuoteBlock { spans { text marks href } attribution cite }
        ... on ListBlock { ordered items { id inlineFeedbackCount spans { text marks href } } }
        ... on FigureBlock { image { url srcSet alt width height } caption credit }
        ... on EmbedBlock { url provider title caption }
        ... on KeepReadingBlock { article { slug title excerpt(maxLength: 120) featuredImage { url alt } } }
      }
      checkAlso { slug title excerpt(maxLength: 140) }
      previousArticle(sameCategory: true) { slug title }
      nextArticle(sameCategory: true) { slug title }
    }
  }`;

const MINUTE = 60_000;
const BASE = Date.UTC(2025, 9, 1);

describeEachDatabase("the article page in one request", (server) => {
  let page: Article;
  let pin: Article;
  const bySlug = new Map<string, Article>();

  before(async () => {
    const ds = server().dataSource;
    const writer = await createAuthor(ds, { slug: "writer", name: "Wren Writer", bio: "Writes.", avatarUrl: "https://img.example.com/w.jpg" });
    const other = await createAuthor(ds);
    const world = await createCategory(ds, { slug: "world", name: "World" });
    const science = await createCategory(ds, { slug: "science", name: "Science" });
    const tags = [await createTag(ds), await createTag(ds), await createTag(ds)];
    const articles: Article[] = [];
    for (let i = 0; i < 40; i++) {
      articles.push(
        await createArticle(ds, {
          author: i % 3 === 0 ? writer : other,
          category: i % 2 === 0 ? world : science,
          tags: tags.filter((_, t) => (i + t) % 2 === 0),
          publishedAt: new Date(BASE + i * MINUTE),
        }),
      );
    }
    pin = articles[4];
    page = await createArticle(ds, {
      author: writer,
      category: world,
      tags,
      publishedAt: new Date(BASE + 20.5 * MINUTE),
      subtitle: "The standfirst",
      imageUrl: "https://img.example.com/lead.jpg",
      imageAlt: "A lead image",
      imageCaption: "The caption.",
      imageWidth: 1600,
      imageHeight: 900,
    });
    await ds.getRepository(Article).update(page.id, { keepReadingId: pin.id });
    for (let c = 0; c < 35; c++) {
      const comment = await createComment(ds, {
        article: page,
        anchorBlockId: c % 5 === 0 ? "p-1" : null,
        anchorQuote: c % 5 === 0 ? "Something happened" : null,
      });
      for (let r = 0; r < (c % 4 === 0 ? 33 : 1); r++) await createComment(ds, { article: page, parent: comment });
    }
    await createArticle(ds, { author: writer, category: world, tags, status: ArticleStatus.DRAFT, publishedAt: null });
    for (const article of [...articles, page]) bySlug.set(article.slug, article);
  });

  test("answers the whole page with no errors: body, content, reading time, image, feeds, related, Keep Reading, Check Also, comments, inline feedback", async () => {
    const { article } = await server().data(ARTICLE_PAGE, { slug: page.slug, first: 3 });
    assert.equal(article.slug, page.slug);
    assert.equal(article.subtitle, "The standfirst");
    assert.equal(article.readingTimeMinutes, 1);
    assert.deepEqual(article.featuredImage, {
      url: "https://img.example.com/lead.jpg",
      alt: "A lead image",
      caption: "The caption.",
      width: 1600,
      height: 900,
    });
    assert.deepEqual(article.headings, [
      { level: 2, text: "The story", anchor: "the-story" },
      { level: 2, text: "What next", anchor: "what-next" },
    ]);
    for (const anchor of ["the-story", "what-next", "p-1", "p-2"]) assert.match(article.body, new RegExp(`id="${anchor}"`));
    assert.equal(article.tags.length, 3);
    assert.equal(article.keepReading.slug, pin.slug, "the editor's pin is the Keep Reading pick");
    assert.equal(article.author.articles.nodes.length, 3);
    assert.equal(article.category.articles.nodes.length, 3);
    assert.equal(article.relatedArticles.edges.length, 3);
    assert.deepEqual(article.relatedArticles.edges[0].reasons.slice(0, 1), ["EDITOR_PICK"]);
    assert.equal(article.comments.nodes.length, 3);
    assert.equal(article.comments.totalCount, 35);
    assert.equal(article.comments.nodes[0].replies.nodes.length, 3);
    assert.equal(article.comments.nodes[0].replyCount, 33);
    assert.deepEqual(article.comments.nodes[0].anchor, { blockId: "p-1", quote: "Something happened" });
    assert.equal(article.inlineFeedback.nodes.length, 3);
    assert.ok(article.inlineFeedback.nodes.every((comment: any) => comment.anchor.blockId === "p-1"));
    assert.deepEqual(
      article.content.map((block: any) => [block.__typename, block.id, block.inlineFeedbackCount]),
      [
        ["HeadingBlock", "the-story", 0],
        ["ParagraphBlock", "p-1", 7],
        ["HeadingBlock", "what-next", 0],
        ["ParagraphBlock", "p-2", 0],
        ["KeepReadingBlock", "keep-reading", 0],
      ],
    );
    assert.equal(article.content[4].article.slug, article.keepReading.slug, "the box shows the Keep Reading pick");

    const shown = new Set([page.slug, article.keepReading.slug, ...article.relatedArticles.edges.map((edge: any) => edge.node.slug)]);
    assert.ok(article.checkAlso, "there is a Check Also article");
    assert.ok(!shown.has(article.checkAlso.slug), "Check Also repeats nothing the page already shows");
    assert.equal(bySlug.get(article.checkAlso.slug)!.categoryId, page.categoryId);
    assert.ok(article.checkAlso.excerpt.length <= 140);

    // Published at minute 20.5: in World (even minutes), between the articles of minutes 20 and 22.
    const publishedAtMinute = (minute: number) => [...bySlug.values()].find((a) => a.publishedAt!.getTime() === BASE + minute * MINUTE)!.slug;
    assert.equal(article.previousArticle.slug, publishedAtMinute(20));
    assert.equal(article.nextArticle.slug, publishedAtMinute(22));
  });

  test("takes at most 20 SQL statements, and no more when every list on the page grows from 3 to 30", async (t) => {
    const small = await server().countQueries(ARTICLE_PAGE, { slug: page.slug, first: 3 });
    const large = await server().countQueries(ARTICLE_PAGE, { slug: page.slug, first: 30 });
    assert.ok(small <= 20, `expected at most 20 statements, got ${small}`);
    // Fewer when a page of 30 holds a whole list: its totalCount takes no statement.
    assert.ok(large <= small, `expected at most ${small} statements, got ${large}`);
    const { article } = await server().data(ARTICLE_PAGE, { slug: page.slug, first: 30 });
    assert.equal(article.comments.nodes.length, 30);
    assert.equal(article.comments.nodes[0].replies.nodes.length, 30);
    assert.equal(article.relatedArticles.edges.length, 30);
    t.diagnostic(`the article page sent ${small} SQL statements`);
  });

  test("answers operations/ArticlePage.graphql, the page README.md shows, in at most 20 SQL statements", async (t) => {
    const statements = await server().countQueries(SHIPPED_PAGE, { slug: page.slug });
    assert.ok(statements <= 20, `expected at most 20 statements, got ${statements}`);
    t.diagnostic(`operations/ArticlePage.graphql sent ${statements} SQL statements`);
  });
});
