import assert from "node:assert/strict";
import { before, test } from "node:test";
import { ArticleStatus } from "../src/modules/article/article-status";
import { Article } from "../src/modules/article/article.entity";
import { prepareBody } from "../src/modules/article/body/prepare-body";
import { Author } from "../src/modules/directory/author/author.entity";
import { Category } from "../src/modules/directory/category/category.entity";
import { CommentStatus } from "../src/modules/comment/comment-status";
import { encodeGlobalId } from "../src/shared/global-id";
import { Tag } from "../src/modules/directory/tag/tag.entity";
import { createArticle, createAuthor, createCategory, createComment, createTag } from "./factories/content";
import { describeEachDatabase } from "./helpers/each-database";
import { readAllPages, readPages } from "./helpers/paging";

const FILTERED = `
  query Filtered($filter: ArticleFilter, $orderBy: ArticleOrder, $first: Int, $after: String, $last: Int, $before: String) {
    articles(filter: $filter, orderBy: $orderBy, first: $first, after: $after, last: $last, before: $before) {
      totalCount
      edges { cursor node { id slug commentCount publishedAt } }
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    }
  }`;

interface FilteredPage {
  articles: {
    totalCount: number;
    edges: { cursor: string; node: { id: string; slug: string; commentCount: number; publishedAt: string } }[];
    pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  };
}

/** What the test knows about each published article, to compute the expected answers. */
interface Seeded {
  row: Article;
  author: string;
  category: string;
  tags: string[];
  comments: number;
}

const HOUR = 3_600_000;
const BASE = Date.UTC(2025, 2, 1);
const at = (hours: number) => new Date(BASE + hours * HOUR);

const FOX = "The quick brown fox jumps over the lazy dog near the river bank.";
const LONG_PARAGRAPH = '<p>Words <em>follow</em> words, and then <a href="/x">more</a> words follow them again.</p>';
const STRUCTURED_BODY =
  '<h2 id="intro">Intro</h2><p>' + "word ".repeat(470) + '</p><h3 id="details">Details <em>here</em></h3><h2>No anchor</h2><p>The end.</p>';

const newestFirst = (a: Seeded, b: Seeded) => b.row.publishedAt!.getTime() - a.row.publishedAt!.getTime() || b.row.id - a.row.id;

describeEachDatabase("filtering and finding articles", (server) => {
  const published: Seeded[] = [];
  /** Articles the excerpt, image and body tests read, by another author in another section. */
  const extra: Record<"fox" | "longBody" | "editor" | "withImage" | "withoutAlt" | "structured", Article> = {} as never;
  const hidden: Article[] = [];
  const globalIdBySlug = new Map<string, string>();

  const slugsOf = (page: FilteredPage) => page.articles.edges.map((edge) => edge.node.slug);
  const expected = (keep: (article: Seeded) => boolean) =>
    published
      .filter(keep)
      .sort(newestFirst)
      .map((a) => a.row.slug);
  const filtered = (filter: Record<string, unknown>) => server().data<FilteredPage>(FILTERED, { filter, first: 100 });

  before(async () => {
    const ds = server().dataSource;
    const alice = await createAuthor(ds, { slug: "alice", name: "Alice" });
    const bob = await createAuthor(ds, { slug: "bob", name: "Bob" });
    const carol = await createAuthor(ds, { slug: "carol", name: "Carol" });
    const world = await createCategory(ds, { slug: "world", name: "World" });
    const science = await createCategory(ds, { slug: "science", name: "Science" });
    const features = await createCategory(ds, { slug: "features", name: "Features" });
    const climate = await createTag(ds, { slug: "climate", name: "Climate" });
    const politics = await createTag(ds, { slug: "politics", name: "Politics" });
    const space = await createTag(ds, { slug: "space", name: "Space" });

    const seed = async (author: Author, category: Category, tags: Tag[], hours: number, comments: number, overrides: Partial<Article> = {}) => {
      const row = await createArticle(ds, { author, category, tags, publishedAt: at(hours), ...overrides });
      for (let i = 0; i < comments; i++) await createComment(ds, { article: row });
      published.push({ row, author: author.slug, category: category.slug, tags: tags.map((tag) => tag.slug), comments });
      return row;
    };
    await seed(alice, world, [climate], 1, 2);
    const quiet = await seed(alice, science, [space], 2, 0);
    await seed(bob, world, [politics, climate], 3, 2);
    await seed(bob, science, [], 4, 1);
    await seed(alice, world, [politics], 5, 0);
    await seed(bob, world, [space, climate], 6, 3);
    // Same time and same comment count: only the id tells them apart.
    await seed(alice, science, [], 7, 1);
    await seed(alice, science, [], 7, 1);
    // A comment awaiting moderation does not make an article more discussed.
    await createComment(ds, { article: quiet, status: CommentStatus.PENDING });

    let hours = 0;
    const seedExtra = (overrides: Partial<Article>) => seed(carol, features, [], --hours, 0, overrides);
    extra.fox = await seedExtra({ body: `<h2 id="fox">Fox</h2><p>${FOX}</p>` });
    extra.longBody = await seedExtra({ body: LONG_PARAGRAPH.repeat(10) });
    extra.editor = await seedExtra({ editorExcerpt: "An editor wrote this line." });
    extra.withImage = await seedExtra({
      imageUrl: "https://img.example.com/lead.jpg",
      imageAlt: "A crowd in a square",
      imageCaption: "The square at noon.",
      imageWidth: 1600,
      imageHeight: 900,
    });
    extra.withoutAlt = await seedExtra({ imageUrl: "https://img.example.com/bare.jpg" });
    extra.structured = await seedExtra({ body: STRUCTURED_BODY });

    // Readers never see these, whatever the filter or order; they match every filter above and are the most discussed.
    for (const [status, publishedAt] of [
      [ArticleStatus.DRAFT, null],
      [ArticleStatus.SCHEDULED, at(3.5)],
      [ArticleStatus.ARCHIVED, at(2.5)],
    ] as const) {
      hidden.push(await createArticle(ds, { author: alice, category: world, tags: [climate, politics, space], status, publishedAt, commentCount: 50 }));
    }

    const { articles } = await server().data<FilteredPage>(FILTERED, { first: 100 });
    for (const edge of articles.edges) globalIdBySlug.set(edge.node.slug, edge.node.id);
  });

  test("lists only published articles and counts only them", async () => {
    for (const orderBy of ["NEWEST", "OLDEST", "MOST_DISCUSSED"]) {
      const page = await server().data<FilteredPage>(FILTERED, { orderBy, first: 100 });
      assert.equal(page.articles.totalCount, published.length, orderBy);
      assert.deepEqual([...slugsOf(page)].sort(), published.map((a) => a.row.slug).sort(), orderBy);
    }
    const hiddenSlugs = new Set(hidden.map((article) => article.slug));
    const everyFilter = await filtered({ authorSlug: "alice", categorySlug: "world", tagSlugs: ["climate", "politics", "space"] });
    assert.ok(!slugsOf(everyFilter).some((slug) => hiddenSlugs.has(slug)));
    assert.equal(everyFilter.articles.totalCount, expected((a) => a.author === "alice" && a.category === "world").length);
  });

  test("filters by author slug", async () => {
    const page = await filtered({ authorSlug: "alice" });
    assert.deepEqual(
      slugsOf(page),
      expected((a) => a.author === "alice"),
    );
    assert.equal(page.articles.totalCount, 5);
  });

  test("filters by category slug", async () => {
    const page = await filtered({ categorySlug: "science" });
    assert.deepEqual(
      slugsOf(page),
      expected((a) => a.category === "science"),
    );
    assert.equal(page.articles.totalCount, 4);
  });

  test("filters by tags, keeping articles that carry any of them, each once", async () => {
    const page = await filtered({ tagSlugs: ["politics", "space"] });
    assert.deepEqual(
      slugsOf(page),
      expected((a) => a.tags.includes("politics") || a.tags.includes("space")),
    );
    assert.equal(page.articles.totalCount, 4);

    const overlapping = await filtered({ tagSlugs: ["space", "climate"] });
    assert.deepEqual(
      slugsOf(overlapping),
      expected((a) => a.tags.includes("space") || a.tags.includes("climate")),
    );
    assert.equal(overlapping.articles.totalCount, 4);
  });

  test("filters by publication time: publishedAfter is inclusive, publishedBefore exclusive", async () => {
    const after = await filtered({ publishedAfter: at(3).toISOString() });
    assert.deepEqual(
      slugsOf(after),
      expected((a) => a.row.publishedAt! >= at(3)),
    );
    assert.equal(after.articles.totalCount, 6);

    const before = await filtered({ publishedBefore: at(5).toISOString() });
    assert.deepEqual(
      slugsOf(before),
      expected((a) => a.row.publishedAt! < at(5)),
    );
    assert.equal(before.articles.totalCount, slugsOf(before).length);
    assert.ok(!slugsOf(before).includes(published[4].row.slug), "an article published at the bound is left out");

    const between = await filtered({ publishedAfter: at(3).toISOString(), publishedBefore: at(5).toISOString() });
    assert.deepEqual(
      slugsOf(between),
      expected((a) => a.row.publishedAt! >= at(3) && a.row.publishedAt! < at(5)),
    );
    assert.equal(between.articles.totalCount, 2);

    const empty = await filtered({ publishedAfter: at(5).toISOString(), publishedBefore: at(5).toISOString() });
    assert.deepEqual(slugsOf(empty), []);
    assert.equal(empty.articles.totalCount, 0);
  });

  test("leaves out excluded articles by id", async () => {
    const excluded = [published[0].row.slug, published[5].row.slug];
    const page = await filtered({ excludeIds: excluded.map((slug) => globalIdBySlug.get(slug)!) });
    assert.deepEqual(
      slugsOf(page),
      expected((a) => !excluded.includes(a.row.slug)),
    );
    assert.equal(page.articles.totalCount, published.length - 2);

    const none = await filtered({ excludeIds: [] });
    assert.equal(none.articles.totalCount, published.length);
  });

  test("combines every filter, all conditions holding at once", async () => {
    const filter = { authorSlug: "bob", categorySlug: "world", tagSlugs: ["climate"], publishedAfter: at(3).toISOString() };
    const matches = (a: Seeded) => a.author === "bob" && a.category === "world" && a.tags.includes("climate") && a.row.publishedAt! >= at(3);
    const page = await filtered(filter);
    assert.deepEqual(slugsOf(page), expected(matches));
    assert.equal(page.articles.totalCount, 2);

    const [newest] = expected(matches);
    const narrowed = await filtered({ ...filter, publishedBefore: at(7).toISOString(), excludeIds: [globalIdBySlug.get(newest)!] });
    assert.deepEqual(
      slugsOf(narrowed),
      expected((a) => matches(a) && a.row.slug !== newest),
    );
    assert.equal(narrowed.articles.totalCount, 1);
  });

  test("pages a filtered list with cursors, keeping the filter's total", async () => {
    const all = expected((a) => a.author === "alice");
    const read = async (args: Record<string, unknown>) => {
      const page = await server().data<FilteredPage>(FILTERED, { filter: { authorSlug: "alice" }, ...args });
      assert.equal(page.articles.totalCount, all.length);
      return { items: slugsOf(page), pageInfo: page.articles.pageInfo };
    };
    assert.deepEqual(await readAllPages(read, 2, "forwards"), all);
  });

  test("answers unknown slugs with an empty list and totalCount 0", async () => {
    for (const filter of [
      { authorSlug: "nobody" },
      { categorySlug: "nowhere" },
      { tagSlugs: ["no-such-tag"] },
      { authorSlug: "alice", categorySlug: "nowhere" },
    ]) {
      const page = await filtered(filter);
      assert.deepEqual(page.articles.edges, [], JSON.stringify(filter));
      assert.equal(page.articles.totalCount, 0);
      assert.equal(page.articles.pageInfo.hasNextPage, false);
      assert.equal(page.articles.pageInfo.hasPreviousPage, false);
      assert.equal(page.articles.pageInfo.endCursor, null);
    }
  });

  test("sorts MOST_DISCUSSED by approved comments, then newest, then id, and pages it both ways", async () => {
    const order = [...published].sort((a, b) => b.comments - a.comments || newestFirst(a, b)).map((a) => ({ slug: a.row.slug, commentCount: a.comments }));

    const forwards = await readPages(
      async (args) => {
        const { articles } = await server().data<FilteredPage>(FILTERED, { orderBy: "MOST_DISCUSSED", ...args });
        assert.equal(articles.totalCount, published.length);
        assert.equal(articles.pageInfo.hasPreviousPage, args.after !== null);
        return articles;
      },
      3,
      "forwards",
    );
    assert.equal(forwards.length, Math.ceil(published.length / 3));
    assert.deepEqual(
      forwards.flatMap((page) => page.edges.map(({ node }) => ({ slug: node.slug, commentCount: node.commentCount }))),
      order,
    );

    const backwards = await readAllPages(
      async (args) => {
        const page = await server().data<FilteredPage>(FILTERED, { orderBy: "MOST_DISCUSSED", ...args });
        assert.equal(page.articles.pageInfo.hasNextPage, args.before !== null);
        return { items: slugsOf(page), pageInfo: page.articles.pageInfo };
      },
      3,
      "backwards",
    );
    assert.deepEqual(
      backwards,
      order.map((a) => a.slug),
    );
  });

  test("finds a published article by slug and by id", async () => {
    const { row } = published[2];
    const id = globalIdBySlug.get(row.slug)!;
    const query = `query Find($slug: String, $id: ID) {
      article(slug: $slug, id: $id) { id slug title status author { slug } category { slug } tags { slug } }
    }`;
    const expectedArticle = {
      id,
      slug: row.slug,
      title: row.title,
      status: "PUBLISHED",
      author: { slug: "bob" },
      category: { slug: "world" },
      tags: [{ slug: "climate" }, { slug: "politics" }],
    };
    assert.deepEqual((await server().data(query, { slug: row.slug })).article, expectedArticle);
    assert.deepEqual((await server().data(query, { id })).article, expectedArticle);
    assert.equal((await server().data(query, { slug: "no-such-article" })).article, null);
  });

  test("answers null for drafts, scheduled and archived articles, by slug and by id", async () => {
    for (const article of hidden) {
      const bySlug = await server().data(`query($slug: String) { article(slug: $slug) { id } }`, { slug: article.slug });
      assert.equal(bySlug.article, null, `${article.status} by slug`);
      const byId = await server().data(`query($id: ID) { article(id: $id) { id } }`, { id: encodeGlobalId("Article", article.id) });
      assert.equal(byId.article, null, `${article.status} by id`);
    }
  });

  const articleBySlug = async (slug: string, fields: string) =>
    (await server().data(`query($slug: String) { article(slug: $slug) { ${fields} } }`, { slug })).article;

  test("cuts the excerpt from the body's prose (headings left out) at a word boundary, with an ellipsis only when cut", async () => {
    const lead = FOX;
    const excerpt = async (maxLength?: number) =>
      (await articleBySlug(extra.fox.slug, maxLength === undefined ? "excerpt" : `excerpt(maxLength: ${maxLength})`)).excerpt as string;

    assert.equal(await excerpt(), lead, "a short text is whole under the default length");
    assert.equal(await excerpt(lead.length), lead, "no ellipsis when the text fits exactly");
    assert.equal(await excerpt(20), "The quick brown fox…");
    assert.equal(await excerpt(22), "The quick brown fox…", "never ends mid-word");
    for (const maxLength of [5, 12, 30, 50, lead.length - 1]) {
      const cut = await excerpt(maxLength);
      assert.ok(cut.length <= maxLength, `"${cut}" fits ${maxLength}`);
      assert.ok(cut.endsWith("…"), cut);
      const words = cut.slice(0, -1);
      assert.ok(lead.startsWith(words) && lead[words.length] === " ", `"${cut}" ends at a word boundary`);
    }
  });

  test("cuts a long body to the default 160 characters, as plain text", async () => {
    const { excerpt } = await articleBySlug(extra.longBody.slug, "excerpt");
    assert.ok(excerpt.length <= 160 && excerpt.length > 100, excerpt);
    assert.ok(excerpt.startsWith("Words follow words, and then more words follow them again. Words"), excerpt);
    assert.ok(excerpt.endsWith("…"));
    assert.ok(!excerpt.includes("<"));
  });

  test("prefers the editor's excerpt to the body, cutting it the same way", async () => {
    const found = await articleBySlug(extra.editor.slug, "full: excerpt short: excerpt(maxLength: 10)");
    assert.deepEqual(found, { full: "An editor wrote this line.", short: "An editor…" });
  });

  test("exposes the featured image, or null when there is none", async () => {
    const fields = "featuredImage { url alt caption width height }";
    assert.deepEqual((await articleBySlug(extra.withImage.slug, fields)).featuredImage, {
      url: "https://img.example.com/lead.jpg",
      alt: "A crowd in a square",
      caption: "The square at noon.",
      width: 1600,
      height: 900,
    });
    assert.deepEqual((await articleBySlug(extra.withoutAlt.slug, fields)).featuredImage, {
      url: "https://img.example.com/bare.jpg",
      alt: "",
      caption: null,
      width: null,
      height: null,
    });
    assert.equal((await articleBySlug(published[0].row.slug, fields)).featuredImage, null);
  });

  test("reports headings, word count and reading time derived from the body", async () => {
    const fields = "headings { level text anchor } wordCount readingTimeMinutes body";
    const found = await articleBySlug(extra.structured.slug, fields);
    assert.deepEqual(found.headings, [
      { level: 2, text: "Intro", anchor: "intro" },
      { level: 3, text: "Details here", anchor: "details" },
      { level: 2, text: "No anchor", anchor: "no-anchor" },
    ]);
    // Intro, 470 words, Details here, No anchor, The end.
    assert.equal(found.wordCount, 1 + 470 + 2 + 2 + 2);
    assert.equal(found.readingTimeMinutes, 3);
    assert.equal(found.body, prepareBody(STRUCTURED_BODY).html);
    assert.match(found.body, /<h2 id="no-anchor">No anchor<\/h2>/, "a heading without an id gets one from its text");

    const short = await articleBySlug(published[0].row.slug, fields);
    assert.equal(short.readingTimeMinutes, 1);
    assert.ok(short.wordCount > 0);
  });
});
