import assert from "node:assert/strict";
import { before, test } from "node:test";
import { ArticleStatus } from "../src/modules/article/article-status";
import { Article } from "../src/modules/article/article.entity";
import { encodeGlobalId } from "../src/shared/global-id";
import { createArticle, createAuthor, createCategory, createTag } from "./factories/content";
import { describeEachDatabase } from "./helpers/each-database";
import { readAllPages } from "./helpers/paging";

const RELATED = `
  query Related($slug: String!, $first: Int, $after: String, $last: Int, $before: String) {
    article(slug: $slug) {
      relatedArticles(first: $first, after: $after, last: $last, before: $before) {
        totalCount
        edges { cursor score reasons node { slug } }
        pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      }
      keepReading { slug }
      checkAlso { slug }
    }
  }`;

interface RelatedPage {
  totalCount: number;
  edges: { cursor: string; score: number; reasons: string[]; node: { slug: string } }[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
}

const MINUTE = 60_000;
const BASE = Date.UTC(2025, 4, 1);

describeEachDatabase("related articles, Keep Reading and Check Also", (server) => {
  const at = (minutes: number) => new Date(BASE + minutes * MINUTE);
  let source: Article;
  let twoRareTags: Article;
  let oneCommonTag: Article;
  let sameSection: Article;
  let sameAuthor: Article;
  let unrelated: Article;
  let draft: Article;
  const fillers: Article[] = [];

  const related = async (args: Record<string, unknown> = {}, slug = source.slug) =>
    (await server().data(RELATED, { slug, ...args })).article as {
      relatedArticles: RelatedPage;
      keepReading: { slug: string } | null;
      checkAlso: { slug: string } | null;
    };
  const slugsOf = (page: RelatedPage) => page.edges.map((edge) => edge.node.slug);
  const pin = (article: Article, pick: Article | null) =>
    server()
      .dataSource.getRepository(Article)
      .update(article.id, { keepReadingId: pick?.id ?? null });

  before(async () => {
    const ds = server().dataSource;
    const writer = await createAuthor(ds);
    const others = [await createAuthor(ds), await createAuthor(ds)];
    const news = await createCategory(ds);
    const elsewhere = await createCategory(ds);
    const [rareA, rareB, common] = [await createTag(ds), await createTag(ds), await createTag(ds)];

    source = await createArticle(ds, { author: writer, category: news, tags: [rareA, rareB, common], publishedAt: at(0) });
    twoRareTags = await createArticle(ds, { author: others[0], category: elsewhere, tags: [rareA, rareB], publishedAt: at(-60 * 24 * 90) });
    oneCommonTag = await createArticle(ds, { author: others[0], category: elsewhere, tags: [common], publishedAt: at(1) });
    for (let i = 0; i < 8; i++) {
      fillers.push(await createArticle(ds, { author: others[1], category: elsewhere, tags: [common], publishedAt: at(2 + i) }));
    }
    sameSection = await createArticle(ds, { author: others[1], category: news, publishedAt: at(20) });
    sameAuthor = await createArticle(ds, { author: writer, category: elsewhere, publishedAt: at(30) });
    unrelated = await createArticle(ds, { author: others[1], category: elsewhere, publishedAt: at(40) });
    // A draft that would be the best match of all.
    draft = await createArticle(ds, { author: writer, category: news, tags: [rareA, rareB, common], status: ArticleStatus.DRAFT, publishedAt: null });
  });

  test("ranks the article sharing two rare tags above those sharing one common tag, even when it is older", async () => {
    const { relatedArticles } = await related({ first: 100 });
    const slugs = slugsOf(relatedArticles);
    assert.equal(slugs[0], twoRareTags.slug);
    assert.deepEqual(relatedArticles.edges[0].reasons, ["SHARED_TAGS"]);
    assert.ok(slugs.indexOf(twoRareTags.slug) < slugs.indexOf(oneCommonTag.slug));
    const scores = relatedArticles.edges.map((edge) => edge.score);
    assert.deepEqual(
      scores,
      [...scores].sort((a, b) => b - a),
      "scores never increase down the list",
    );
  });

  test("never lists the article itself, drafts, unrelated articles or anything twice, and counts what it lists", async () => {
    const { relatedArticles } = await related({ first: 100 });
    const slugs = slugsOf(relatedArticles);
    assert.ok(!slugs.includes(source.slug), "not the article itself");
    assert.ok(!slugs.includes(draft.slug), "no drafts");
    assert.ok(!slugs.includes(unrelated.slug), "nothing that shares no tag, section or author");
    assert.equal(new Set(slugs).size, slugs.length, "no duplicates");
    assert.deepEqual(new Set(slugs), new Set([twoRareTags, oneCommonTag, ...fillers, sameSection, sameAuthor].map((a) => a.slug)));
    assert.equal(relatedArticles.totalCount, slugs.length);
  });

  test("gives the reasons: shared tags, same section, same author", async () => {
    const { relatedArticles } = await related({ first: 100 });
    const reasonsOf = (article: Article) => relatedArticles.edges.find((edge) => edge.node.slug === article.slug)!.reasons;
    assert.deepEqual(reasonsOf(oneCommonTag), ["SHARED_TAGS"]);
    assert.deepEqual(reasonsOf(sameSection), ["SAME_CATEGORY"]);
    assert.deepEqual(reasonsOf(sameAuthor), ["SAME_AUTHOR"]);
  });

  test("pages forwards and backwards with cursors through the same order, ties broken the same way every time", async () => {
    const { relatedArticles: all } = await related({ first: 100 });
    const read = async (args: Record<string, unknown>) => {
      const { relatedArticles: page } = await related(args);
      return { items: slugsOf(page), pageInfo: page.pageInfo };
    };
    assert.deepEqual(await readAllPages(read, 3, "forwards"), slugsOf(all));
    assert.deepEqual(await readAllPages(read, 4, "backwards"), slugsOf(all));
  });

  test("pages through more related articles than one ranking read holds (over 101), forwards and backwards, in the same order", async () => {
    const ds = server().dataSource;
    const [author, section, tag] = [await createAuthor(ds), await createCategory(ds), await createTag(ds)];
    const hub = await createArticle(ds, { author, category: section, tags: [tag], publishedAt: at(-1000) });
    const spokes = new Set<string>();
    for (let i = 0; i < 120; i++)
      spokes.add(
        (await createArticle(ds, { author: await createAuthor(ds), category: await createCategory(ds), tags: [tag], publishedAt: at(-2000 - i) })).slug,
      );
    const read = async (args: Record<string, unknown>) => {
      const { relatedArticles: page } = await related(args, hub.slug);
      return { items: slugsOf(page), pageInfo: page.pageInfo };
    };
    const forwards = await readAllPages(read, 40, "forwards");
    assert.deepEqual(new Set(forwards), spokes);
    assert.equal(forwards.length, 120);
    assert.deepEqual(await readAllPages(read, 50, "backwards"), forwards);
    assert.equal((await related({ first: 1 }, hub.slug)).relatedArticles.totalCount, 120);
  });

  test("follows writes at once, whoever makes them: an article unpublished or a tag taken off drops out of the next answer", async () => {
    const ds = server().dataSource;
    const [author, section, tag] = [await createAuthor(ds), await createCategory(ds), await createTag(ds)];
    const article = await createArticle(ds, { author, category: section, tags: [tag], publishedAt: at(-3000) });
    const others: Article[] = [];
    for (let i = 0; i < 3; i++)
      others[i] = await createArticle(ds, { author: await createAuthor(ds), category: await createCategory(ds), tags: [tag], publishedAt: at(-3001 - i) });
    const slugs = async () => slugsOf((await related({ first: 10 }, article.slug)).relatedArticles).sort();
    assert.deepEqual(await slugs(), others.map((other) => other.slug).sort());
    // Straight to the database, as another instance or another write path would.
    await ds.getRepository(Article).update(others[0].id, { status: ArticleStatus.DRAFT });
    await ds.query(`DELETE FROM article_tag WHERE article_id = ${others[1].id}`);
    assert.deepEqual(await slugs(), [others[2].slug]);
    assert.equal((await related({ first: 10 }, article.slug)).relatedArticles.totalCount, 1);
  });

  test("scores exactly by the rule: equal signals tie to the last bit and fall to the newer then the higher id, read alone or batched", async () => {
    const ds = server().dataSource;
    const [writer, other] = [await createAuthor(ds), await createAuthor(ds)];
    const [section, elsewhere] = [await createCategory(ds), await createCategory(ds)];
    const tags = [await createTag(ds), await createTag(ds), await createTag(ds)];
    const reader = await createArticle(ds, { author: writer, category: section, tags, publishedAt: at(-100_000) });
    const sibling = await createArticle(ds, { author: other, category: elsewhere, tags, publishedAt: at(-99_999) });
    // Three shared tags each, so that each score is a sum of three weights, which must add up the same for all.
    const same = { category: elsewhere, tags, publishedAt: at(-100_000 - 10 * 24 * 60) };
    const twins = [];
    for (let i = 0; i < 3; i++) twins.push(await createArticle(ds, { ...same, author: other }));
    const inSection = await createArticle(ds, { ...same, author: other, category: section });
    const byWriter = await createArticle(ds, { ...same, author: writer });

    const { relatedArticles } = await related({ first: 10 }, reader.slug);
    const edges = relatedArticles.edges.map(({ score, reasons, node }) => ({ slug: node.slug, score, reasons }));
    assert.deepEqual(
      edges.map(({ slug, reasons }) => ({ slug, reasons })),
      [
        { slug: inSection.slug, reasons: ["SHARED_TAGS", "SAME_CATEGORY"] },
        { slug: byWriter.slug, reasons: ["SHARED_TAGS", "SAME_AUTHOR"] },
        // Published at the same time as the twins but a minute from the reader: closer, so first among equal tags.
        { slug: sibling.slug, reasons: ["SHARED_TAGS"] },
        ...[...twins].reverse().map((twin) => ({ slug: twin.slug, reasons: ["SHARED_TAGS"] })),
      ],
    );
    assert.equal(relatedArticles.totalCount, 6);
    const [sectionScore, writerScore, , ...twinScores] = edges.map((edge) => edge.score);
    assert.deepEqual(twinScores, [twinScores[0], twinScores[0], twinScores[0]], "equal signals, equal scores");
    assert.ok(Math.abs(sectionScore - twinScores[0] - 1.0) < 1e-9, "the same section adds 1.0");
    assert.ok(Math.abs(writerScore - twinScores[0] - 0.5) < 1e-9, "the same author adds 0.5");

    // The same ranking again, in one statement with another article's.
    const both = await server().data(
      `query($a: String!, $b: String!) {
        a: article(slug: $a) { relatedArticles(first: 10) { totalCount edges { cursor score reasons node { slug } } } }
        b: article(slug: $b) { relatedArticles(first: 10) { totalCount edges { cursor score reasons node { slug } } } }
      }`,
      { a: reader.slug, b: sibling.slug },
    );
    assert.deepEqual(both.a.relatedArticles.edges, relatedArticles.edges);
    assert.deepEqual((await related({ first: 10 }, sibling.slug)).relatedArticles.edges, both.b.relatedArticles.edges);
  });

  test("a page of related articles gives its full page and count even when another field of the request read the ranking first, shorter and uncounted", async () => {
    const { relatedArticles: all } = await related({ first: 100 });
    const query = `query($slug: String!, $id: ID!) {
      first: article(slug: $slug) { keepReading { slug } }
      later: node(id: $id) { ... on Article { relatedArticles(first: 5) { totalCount edges { node { slug } } pageInfo { hasNextPage } } } }
    }`;
    const { first, later } = await server().data(query, { slug: source.slug, id: encodeGlobalId("Article", source.id) });
    assert.equal(first.keepReading.slug, slugsOf(all)[0]);
    assert.equal(later.relatedArticles.totalCount, all.totalCount);
    assert.deepEqual(
      later.relatedArticles.edges.map((edge: { node: { slug: string } }) => edge.node.slug),
      slugsOf(all).slice(0, 5),
    );
    assert.equal(later.relatedArticles.pageInfo.hasNextPage, all.totalCount > 5);
  });

  test("refuses a cursor of another list", async () => {
    const feed = await server().data(`{ articles(first: 1) { pageInfo { endCursor } } }`);
    const response = await server().graphql(RELATED, { slug: source.slug, first: 3, after: feed.articles.pageInfo.endCursor });
    assert.equal(response.body.errors?.[0].extensions?.code, "BAD_USER_INPUT");
    assert.equal(response.body.errors?.[0].extensions?.field, "after");
  });

  test("Keep Reading is the best related article, or the editor's pin while it is published, listed first as EDITOR_PICK", async () => {
    assert.equal((await related()).keepReading?.slug, twoRareTags.slug);

    await pin(source, sameAuthor);
    const pinned = await related({ first: 3 });
    assert.equal(pinned.keepReading?.slug, sameAuthor.slug);
    assert.equal(pinned.relatedArticles.edges[0].node.slug, sameAuthor.slug);
    assert.deepEqual(pinned.relatedArticles.edges[0].reasons, ["EDITOR_PICK", "SAME_AUTHOR"]);

    await pin(source, draft);
    const unpublishedPin = await related({ first: 100 });
    assert.equal(unpublishedPin.keepReading?.slug, twoRareTags.slug, "a pin that is not published is ignored");
    assert.ok(!slugsOf(unpublishedPin.relatedArticles).includes(draft.slug));
    await pin(source, null);
  });

  test("Check Also is the section's newest article that is neither the article, its Keep Reading pick nor its first related articles", async () => {
    const ds = server().dataSource;
    const author = await createAuthor(ds);
    const [section, elsewhere] = [await createCategory(ds), await createCategory(ds)];
    const [rareA, rareB] = [await createTag(ds), await createTag(ds)];
    const reader = await createArticle(ds, { author, category: section, tags: [rareA, rareB], publishedAt: at(100) });
    // Three strong matches in another section fill the first related results.
    for (let i = 0; i < 3; i++) await createArticle(ds, { author, category: elsewhere, tags: [rareA, rareB], publishedAt: at(101 + i) });
    const colleague = await createAuthor(ds);
    for (let i = 0; i < 3; i++) await createArticle(ds, { author: colleague, category: section, publishedAt: at(105 + i) });
    const older = await createArticle(ds, { author, category: section, publishedAt: at(110) });
    const newest = await createArticle(ds, { author, category: section, publishedAt: at(120) });

    assert.equal((await related({}, reader.slug)).checkAlso?.slug, newest.slug);

    await pin(reader, newest);
    const pinned = await related({}, reader.slug);
    assert.equal(pinned.keepReading?.slug, newest.slug);
    assert.equal(pinned.checkAlso?.slug, older.slug, "never the Keep Reading pick");

    const fromNewest = await related({}, newest.slug);
    assert.ok(fromNewest.checkAlso, "the newest article has a Check Also too");
    assert.notEqual(fromNewest.checkAlso.slug, newest.slug, "never the article itself");
    assert.notEqual(fromNewest.checkAlso.slug, fromNewest.keepReading?.slug, "never its Keep Reading pick");
  });

  test("Check Also falls back to the site's newest article the page does not show when the article's section has no other", async () => {
    const ds = server().dataSource;
    const [loner, others, archivist] = [await createAuthor(ds), await createAuthor(ds), await createAuthor(ds)];
    const [quiet, busy] = [await createCategory(ds), await createCategory(ds)];
    const alone = await createArticle(ds, { author: loner, category: quiet, publishedAt: at(200) });
    // Months older than the others of its section and unrelated to them: the Check Also candidate of `latest`.
    await createArticle(ds, { author: archivist, category: busy, publishedAt: at(210) });
    const runnerUp = await createArticle(ds, { author: others, category: busy, publishedAt: at(99_000) });
    const latest = await createArticle(ds, { author: others, category: busy, publishedAt: at(99_001) });

    assert.equal((await related({}, alone.slug)).checkAlso?.slug, latest.slug, "the site's newest article");
    await pin(alone, latest);
    const pinned = await related({}, alone.slug);
    assert.equal(pinned.keepReading?.slug, latest.slug);
    assert.equal(pinned.checkAlso?.slug, runnerUp.slug, "the fallback repeats nothing the page shows either");
    await pin(alone, null);

    // What Check Also adds to a page that shows Keep Reading: the section's list, and the site's only when the section has no candidate.
    const added = async (slug: string) =>
      (await server().countQueries(`query($slug: String!) { article(slug: $slug) { keepReading { slug } checkAlso { slug } } }`, { slug })) -
      (await server().countQueries(`query($slug: String!) { article(slug: $slug) { keepReading { slug } } }`, { slug }));
    assert.equal(await added(latest.slug), 1, "a section with a candidate: its list alone");
    assert.equal(await added(alone.slug), 2, "a section without one: its list, then the site's");
  });

  test("an article related only by its author takes its place by score, on a page that counts the ranking or not", async () => {
    const ds = server().dataSource;
    const [writer, colleague] = [await createAuthor(ds), await createAuthor(ds)];
    const [section, elsewhere] = [await createCategory(ds), await createCategory(ds)];
    const DAY = 24 * 60;
    const start = 1_000 * DAY;
    const article = await createArticle(ds, { author: writer, category: section, publishedAt: at(start) });
    // The writer's, in the section's window: section, author and closeness (1.97), the best candidate.
    const writersInWindow = await createArticle(ds, { author: writer, category: section, publishedAt: at(start + 2 * DAY) });
    // A colleague's, in the window, no tag: 1.30 to 1.43.
    const inWindow: Article[] = [];
    for (let i = 1; i <= 4; i++) inWindow.push(await createArticle(ds, { author: colleague, category: section, publishedAt: at(start + 5 * i * DAY) }));
    // The writer's, in the section but 31 days away: related by its author alone, yet above the colleague's (1.75).
    const authorOnly = await createArticle(ds, { author: writer, category: section, publishedAt: at(start - 31 * DAY) });
    const farAuthorOnly = await createArticle(ds, { author: writer, category: elsewhere, publishedAt: at(start - 300 * DAY) });
    const expected = [writersInWindow, authorOnly, ...inWindow, farAuthorOnly].map((row) => row.slug);

    const counted = (await related({ first: 10 }, article.slug)).relatedArticles;
    assert.equal(counted.totalCount, expected.length);
    assert.deepEqual(slugsOf(counted), expected);
    const uncounted = `query($slug: String!, $first: Int) { article(slug: $slug) { relatedArticles(first: $first) { edges { score node { slug } } } keepReading { slug } } }`;
    for (const first of [1, 2, 3, 10]) {
      const page = (await server().data(uncounted, { slug: article.slug, first })).article;
      assert.deepEqual(slugsOf(page.relatedArticles), expected.slice(0, first), `first: ${first}, uncounted`);
      assert.deepEqual(
        page.relatedArticles.edges.map((edge: { score: number }) => edge.score),
        counted.edges.slice(0, first).map((edge) => edge.score),
      );
      assert.equal(page.keepReading.slug, writersInWindow.slug);
    }

    // Enough candidates above any article related by its author alone: the first rows are theirs, counted or not.
    const rare = await createTag(ds);
    const source = await createArticle(ds, { author: writer, category: section, tags: [rare], publishedAt: at(start + 100 * DAY) });
    const tagged: Article[] = [];
    for (let i = 1; i <= 3; i++)
      tagged.push(await createArticle(ds, { author: colleague, category: elsewhere, tags: [rare], publishedAt: at(start + (100 + i) * DAY) }));
    const all = slugsOf((await related({ first: 20 }, source.slug)).relatedArticles);
    assert.deepEqual(
      all.slice(0, 3),
      tagged.map((row) => row.slug),
      "the tagged, closest first",
    );
    for (const first of [1, 3, 5]) {
      const page = (await server().data(uncounted, { slug: source.slug, first })).article;
      assert.deepEqual(slugsOf(page.relatedArticles), all.slice(0, first), `first: ${first}, uncounted`);
    }
  });

  test("walks to the previous and next article by publication time, in the whole feed or within the section", async () => {
    const query = `query($slug: String!) { article(slug: $slug) {
      previousArticle { slug } nextArticle { slug }
      previousInSection: previousArticle(sameCategory: true) { slug } nextInSection: nextArticle(sameCategory: true) { slug } } }`;
    const { article } = await server().data(query, { slug: oneCommonTag.slug });
    assert.equal(article.previousArticle.slug, source.slug);
    assert.equal(article.nextArticle.slug, fillers[0].slug);
    assert.equal(article.previousInSection.slug, twoRareTags.slug);
    assert.equal(article.nextInSection.slug, fillers[0].slug);
    const first = await server().data(query, { slug: twoRareTags.slug });
    assert.equal(first.article.previousArticle, null);
  });
});
