import assert from "node:assert/strict";
import { before, test } from "node:test";
import { ArticleStatus } from "../src/modules/article/article-status";
import { Article } from "../src/modules/article/article.entity";
import { Tag } from "../src/modules/directory/tag/tag.entity";
import { createArticle, createAuthor, createCategory, createTag } from "./factories/content";
import { describeEachDatabase } from "./helpers/each-database";
import { readAllPages, readPages } from "./helpers/paging";

interface FeedPage {
  totalCount: number;
  edges: { cursor: string; node: { slug: string } }[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
}

const FEED_FIELDS = `totalCount edges { cursor node { slug } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor }`;

/** What the test knows about each published article, to compute the expected feeds. */
interface Seeded {
  row: Article;
  author: string;
  category: string;
  tags: string[];
}

/** A type that owns a feed of articles: its root lookup and list fields, and which articles are its own. */
interface OwnerKind {
  single: "author" | "category" | "tag";
  plural: "authors" | "categories" | "tags";
  /** Slugs in name order, then id order for equal names. */
  slugsByName: string[];
  owns(article: Seeded, slug: string): boolean;
}

const HOUR = 3_600_000;
const BASE = Date.UTC(2025, 8, 1);
const FAR_FUTURE = new Date(Date.UTC(2100, 0, 1));

const newestFirst = (a: Seeded, b: Seeded) => b.row.publishedAt!.getTime() - a.row.publishedAt!.getTime() || b.row.id - a.row.id;

describeEachDatabase("the feeds of authors, sections and tags", (server) => {
  const published: Seeded[] = [];
  let kinds: OwnerKind[];

  const slugsOf = (page: FeedPage) => page.edges.map((edge) => edge.node.slug);
  const feedOf = (kind: OwnerKind, slug: string) =>
    published
      .filter((article) => kind.owns(article, slug))
      .sort(newestFirst)
      .map((article) => article.row.slug);

  const ownerFeed = async (kind: OwnerKind, slug: string, args: Record<string, unknown>): Promise<FeedPage> => {
    const query = `query OwnerFeed($slug: String!, $first: Int, $after: String, $last: Int, $before: String) {
      owner: ${kind.single}(slug: $slug) { articles(first: $first, after: $after, last: $last, before: $before) { ${FEED_FIELDS} } }
    }`;
    const { owner } = await server().data(query, { slug, ...args });
    return owner.articles;
  };

  before(async () => {
    const ds = server().dataSource;
    // Created out of name order; two authors share a name, so the id decides between them.
    const dee = await createAuthor(ds, { slug: "dee", name: "Dee" });
    const ada1 = await createAuthor(ds, { slug: "ada-1", name: "Ada" });
    const cy = await createAuthor(ds, { slug: "cy", name: "Cy" });
    const ada2 = await createAuthor(ds, { slug: "ada-2", name: "Ada" });
    const bo = await createAuthor(ds, { slug: "bo", name: "Bo" });
    await createAuthor(ds, { slug: "eve", name: "Eve" });
    const world = await createCategory(ds, { slug: "world", name: "World" });
    const arts = await createCategory(ds, { slug: "arts", name: "Arts" });
    const science = await createCategory(ds, { slug: "science", name: "Science" });
    await createCategory(ds, { slug: "empty", name: "Empty" });
    const space = await createTag(ds, { slug: "space", name: "Space" });
    const climate = await createTag(ds, { slug: "climate", name: "Climate" });
    const art = await createTag(ds, { slug: "art", name: "Art" });
    await createTag(ds, { slug: "unused", name: "Unused" });

    const others = [dee, cy, ada2, bo];
    for (let i = 0; i < 25; i++) {
      const author = i % 2 === 0 ? ada1 : others[(i >> 1) % others.length];
      const category = [world, arts, science][i % 3];
      // Tags are linked out of name order: Article.tags must sort them.
      const tags = [i % 2 === 0 && space, i % 3 === 0 && climate, i % 5 === 0 && art].filter((tag): tag is Tag => tag !== false);
      // Pairs share a publication time: the id tiebreaker must order them.
      const row = await createArticle(ds, { author, category, tags, publishedAt: new Date(BASE + Math.floor(i / 2) * HOUR) });
      published.push({ row, author: author.slug, category: category.slug, tags: tags.map((tag) => tag.slug) });
    }

    // Newer than everything above and owned by every owner: a leak would show first in every feed.
    for (const author of [ada1, dee, cy, ada2, bo]) {
      for (const status of [ArticleStatus.DRAFT, ArticleStatus.SCHEDULED, ArticleStatus.ARCHIVED]) {
        await createArticle(ds, {
          author,
          category: [world, arts, science][author.id % 3],
          tags: [space, climate, art],
          status,
          // A scheduled time still to come: a past one is due, and the server's scheduler would publish it mid-suite.
          publishedAt: status === ArticleStatus.DRAFT ? null : status === ArticleStatus.SCHEDULED ? FAR_FUTURE : new Date(BASE + 100 * HOUR),
        });
      }
    }

    kinds = [
      { single: "author", plural: "authors", slugsByName: ["ada-1", "ada-2", "bo", "cy", "dee", "eve"], owns: (a, slug) => a.author === slug },
      { single: "category", plural: "categories", slugsByName: ["arts", "empty", "science", "world"], owns: (a, slug) => a.category === slug },
      { single: "tag", plural: "tags", slugsByName: ["art", "climate", "space", "unused"], owns: (a, slug) => a.tags.includes(slug) },
    ];
  });

  test("pages every owner's feed forwards with first/after, newest first, each article once", async () => {
    for (const kind of kinds) {
      for (const slug of kind.slugsByName) {
        const expected = feedOf(kind, slug);
        const read = async (args: Record<string, unknown>) => {
          const page = await ownerFeed(kind, slug, args);
          assert.equal(page.totalCount, expected.length, `${kind.single} ${slug}`);
          assert.equal(page.pageInfo.hasPreviousPage, args.after !== null);
          if (page.pageInfo.hasNextPage) assert.equal(page.pageInfo.endCursor, page.edges.at(-1)!.cursor);
          return page;
        };
        assert.deepEqual((await readPages(read, 3, "forwards")).flatMap(slugsOf), expected, `${kind.single} ${slug}`);
      }
    }
  });

  test("pages every owner's feed backwards with last/before and meets the same order", async () => {
    for (const kind of kinds) {
      for (const slug of kind.slugsByName) {
        const expected = feedOf(kind, slug);
        const read = async (args: Record<string, unknown>) => {
          const page = await ownerFeed(kind, slug, args);
          assert.equal(page.totalCount, expected.length, `${kind.single} ${slug}`);
          assert.equal(page.pageInfo.hasNextPage, args.before !== null);
          if (page.pageInfo.hasPreviousPage) assert.equal(page.pageInfo.startCursor, page.edges[0].cursor);
          return page;
        };
        assert.deepEqual((await readPages(read, 2, "backwards")).flatMap(slugsOf), expected, `${kind.single} ${slug}`);
      }
    }
  });

  test("counts only published articles in each owner's total", async () => {
    const totals = (kind: OwnerKind) => kind.slugsByName.map((slug) => feedOf(kind, slug).length);
    assert.deepEqual(totals(kinds[0]), [13, 3, 3, 3, 3, 0]);
    assert.deepEqual(totals(kinds[1]), [8, 0, 8, 9]);
    assert.deepEqual(totals(kinds[2]), [5, 9, 13, 0]);
    for (const kind of kinds) {
      for (const slug of kind.slugsByName) {
        const page = await ownerFeed(kind, slug, { first: 0 });
        assert.equal(page.totalCount, feedOf(kind, slug).length, `${kind.single} ${slug}`);
        assert.deepEqual(page.edges, []);
      }
    }
  });

  test("gives each of several parents in one request its own page and total", async () => {
    for (const kind of kinds) {
      const query = `query Owners { ${kind.plural}(first: 10) { nodes { slug articles(first: 2) { ${FEED_FIELDS} } } } }`;
      const owners: { slug: string; articles: FeedPage }[] = (await server().data(query))[kind.plural].nodes;
      assert.deepEqual(
        owners.map((owner) => owner.slug),
        kind.slugsByName,
      );
      for (const owner of owners) {
        const expected = feedOf(kind, owner.slug);
        assert.deepEqual(slugsOf(owner.articles), expected.slice(0, 2), `${kind.single} ${owner.slug}`);
        assert.equal(owner.articles.totalCount, expected.length);
        assert.equal(owner.articles.pageInfo.hasNextPage, expected.length > 2);
        if (!owner.articles.pageInfo.hasNextPage) continue;
        const next = await ownerFeed(kind, owner.slug, { first: 2, after: owner.articles.pageInfo.endCursor });
        assert.deepEqual(slugsOf(next), expected.slice(2, 4), `${kind.single} ${owner.slug}, second page`);
      }
    }
  });

  test("a list of owners reads each one's page in its own statement, the page (cursors, pageInfo, totalCount) the owner's own feed gives", async () => {
    for (const kind of kinds) {
      for (const args of [{ first: 2 }, { first: 20 }, { last: 2 }, { first: 0 }]) {
        const query = `query Owners($first: Int, $last: Int) { ${kind.plural}(first: 10) { nodes { slug articles(first: $first, last: $last) { ${FEED_FIELDS} } } } }`;
        const owners: { slug: string; articles: FeedPage }[] = (await server().data(query, args))[kind.plural].nodes;
        assert.equal(owners.length, kind.slugsByName.length);
        for (const owner of owners)
          assert.deepEqual(owner.articles, await ownerFeed(kind, owner.slug, args), `${kind.single} ${owner.slug} ${JSON.stringify(args)}`);
        // Counted only where a page is not the whole feed: one statement more, whatever the number of owners.
        const counts = owners.some((owner) => owner.articles.totalCount > owner.articles.edges.length) ? 1 : 0;
        assert.equal(await server().countQueries(query, args), 1 + counts, `${kind.plural} ${JSON.stringify(args)}`);
      }
    }
  });

  test("a list of owners continuing their feeds from a cursor, or showing them twice, reads the pages after the owners, the same pages", async () => {
    const authors = kinds[0];
    const after = (await ownerFeed(authors, "ada-1", { first: 2 })).pageInfo.endCursor;
    const fromCursor = `query($after: String) { authors(first: 10) { nodes { slug articles(first: 2, after: $after) { ${FEED_FIELDS} } } } }`;
    const twice = `query { authors(first: 10) { nodes { slug a: articles(first: 2) { ${FEED_FIELDS} } b: articles(first: 3) { ${FEED_FIELDS} } } } }`;
    assert.equal(await server().countQueries(fromCursor, { after }), 3);
    assert.equal(await server().countQueries(twice), 3);
    const continued = (await server().data(fromCursor, { after })).authors.nodes;
    const shown = (await server().data(twice)).authors.nodes;
    for (const [index, slug] of authors.slugsByName.entries()) {
      assert.deepEqual(continued[index].articles, await ownerFeed(authors, slug, { first: 2, after }), slug);
      assert.deepEqual(shown[index].a, await ownerFeed(authors, slug, { first: 2 }), slug);
      assert.deepEqual(shown[index].b, await ownerFeed(authors, slug, { first: 3 }), slug);
    }
  });

  test("batches the feeds of many parents: the SQL count does not grow with the number of parents", async () => {
    for (const kind of kinds) {
      const query = `query Owners($owners: Int) { ${kind.plural}(first: $owners) { nodes { articles(first: 2) { ${FEED_FIELDS} } } } }`;
      const forOne = await server().countQueries(query, { owners: 1 });
      const forAll = await server().countQueries(query, { owners: 10 });
      assert.equal(forAll, forOne, kind.plural);
    }
  });

  test("continues several parents' feeds from their own cursors in one request", async () => {
    const authors = kinds[0];
    const first = await ownerFeed(authors, "ada-1", { first: 4 });
    const other = await ownerFeed(authors, "dee", { first: 1 });
    const { a, b, c } = await server().data(
      `query($a: String, $b: String) {
        a: author(slug: "ada-1") { articles(first: 4, after: $a) { ${FEED_FIELDS} } }
        b: author(slug: "dee") { articles(first: 4, after: $b) { ${FEED_FIELDS} } }
        c: author(slug: "cy") { articles(first: 4) { ${FEED_FIELDS} } }
      }`,
      { a: first.pageInfo.endCursor, b: other.pageInfo.endCursor },
    );
    assert.deepEqual(slugsOf(a.articles), feedOf(authors, "ada-1").slice(4, 8));
    assert.deepEqual(slugsOf(b.articles), feedOf(authors, "dee").slice(1, 5));
    assert.deepEqual(slugsOf(c.articles), feedOf(authors, "cy").slice(0, 4));
  });

  test("shows 'Load More By' under every article of a feed, with the author's own newest articles", async () => {
    const { articles } = await server().data(`query Front {
      articles(first: 12) { nodes { slug author { slug articles(first: 2) { totalCount nodes { slug } } } category { slug articles(first: 1) { nodes { slug } } } } }
    }`);
    assert.equal(articles.nodes.length, 12);
    for (const article of articles.nodes) {
      assert.deepEqual(
        article.author.articles.nodes.map((node: { slug: string }) => node.slug),
        feedOf(kinds[0], article.author.slug).slice(0, 2),
      );
      assert.equal(article.author.articles.totalCount, feedOf(kinds[0], article.author.slug).length);
      assert.deepEqual(
        article.category.articles.nodes.map((node: { slug: string }) => node.slug),
        feedOf(kinds[1], article.category.slug).slice(0, 1),
      );
    }
  });

  test("lists authors, sections and tags by name, paging forwards and backwards with cursors", async () => {
    for (const kind of kinds) {
      const query = `query Directory($first: Int, $after: String, $last: Int, $before: String) {
        list: ${kind.plural}(first: $first, after: $after, last: $last, before: $before) {
          totalCount edges { cursor node { slug name } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
        }
      }`;
      type Directory = { list: { totalCount: number; edges: { node: { slug: string } }[]; pageInfo: FeedPage["pageInfo"] } };
      const read = async (args: Record<string, unknown>) => {
        const { list } = await server().data<Directory>(query, args);
        assert.equal(list.totalCount, kind.slugsByName.length);
        return { items: list.edges.map((edge) => edge.node.slug), pageInfo: list.pageInfo };
      };
      assert.deepEqual(await readAllPages(read, 2, "forwards"), kind.slugsByName, kind.plural);
      assert.deepEqual(await readAllPages(read, 3, "backwards"), kind.slugsByName, kind.plural);
    }
  });

  test("finds an author, a section and a tag by slug, and answers null for unknown slugs", async () => {
    const found = await server().data(`{
      author(slug: "dee") { slug name bio avatarUrl }
      category(slug: "arts") { slug name description }
      tag(slug: "climate") { slug name }
      noAuthor: author(slug: "nobody") { slug }
      noCategory: category(slug: "nowhere") { slug }
      noTag: tag(slug: "no-such-tag") { slug }
    }`);
    assert.deepEqual(found, {
      author: { slug: "dee", name: "Dee", bio: null, avatarUrl: null },
      category: { slug: "arts", name: "Arts", description: null },
      tag: { slug: "climate", name: "Climate" },
      noAuthor: null,
      noCategory: null,
      noTag: null,
    });
  });

  test("lists an article's tags by name", async () => {
    const tagged = published[0];
    assert.deepEqual(tagged.tags, ["space", "climate", "art"]);
    const query = `query($slug: String) { article(slug: $slug) { tags { slug name } } }`;
    const { article } = await server().data(query, { slug: tagged.row.slug });
    assert.deepEqual(article.tags, [
      { slug: "art", name: "Art" },
      { slug: "climate", name: "Climate" },
      { slug: "space", name: "Space" },
    ]);
    const untagged = published.find((a) => a.tags.length === 0)!;
    assert.deepEqual((await server().data(query, { slug: untagged.row.slug })).article.tags, []);
  });
});
