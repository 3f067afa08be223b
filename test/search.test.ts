import assert from "node:assert/strict";
import { before, test } from "node:test";
import { ArticleStatus } from "../src/modules/article/article-status";
import { Article } from "../src/modules/article/article.entity";
import { prepareBody } from "../src/modules/article/body/prepare-body";
import { createArticle, createAuthor, createCategory } from "./factories/content";
import { describeEachDatabase } from "./helpers/each-database";
import { readAllPages } from "./helpers/paging";

const SEARCH = `
  query Search($filter: ArticleFilter, $orderBy: ArticleOrder, $first: Int, $after: String, $last: Int, $before: String) {
    articles(filter: $filter, orderBy: $orderBy, first: $first, after: $after, last: $last, before: $before) {
      totalCount
      edges { cursor node { slug } }
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    }
  }`;

interface SearchPage {
  articles: {
    totalCount: number;
    edges: { cursor: string; node: { slug: string } }[];
    pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  };
}

const paragraphs = (...texts: string[]) => texts.map((text) => `<p>${text}</p>`).join("");
const FILLER = "Officials met on Tuesday to discuss the budget, and talks went on late into the night.";

/** Text a reader might type, or an attacker might send. */
const HOSTILE = [
  `"glacier`,
  `glacier"`,
  `'glacier'`,
  `"glacier" AND "melt"`,
  "glacier AND OR NOT NEAR * ^ (",
  "AND OR NOT NEAR",
  "NEAR(glacier melt, 2)",
  "glacier*",
  "title:glacier",
  "-glacier",
  "glacier OR 1=1; DROP TABLE article; --",
  "glacier\u0000melt",
  "\u0000glacier",
  "glacier 🧊🔥",
  "Gletscher schmilzt in São Paulo, 東京, Ελλάδα",
  "(((((((((((glacier",
  "glacier\\",
  "%_glacier%",
  "{glacier}",
];

describeEachDatabase("searching articles", (server) => {
  const articles: Record<"headline" | "repeated" | "mentioned" | "unrelated" | "otherSection" | "draft", Article> = {} as never;

  const search = (filter: Record<string, unknown>, args: Record<string, unknown> = {}) => server().graphql<SearchPage>(SEARCH, { filter, first: 100, ...args });
  const found = async (filter: Record<string, unknown>, args: Record<string, unknown> = {}) => {
    const response = await search(filter, args);
    assert.deepEqual(response.body.errors, undefined, JSON.stringify(response.body.errors));
    return response.body.data!.articles;
  };
  const slugs = (page: SearchPage["articles"]) => page.edges.map((edge) => edge.node.slug);

  before(async () => {
    const ds = server().dataSource;
    const author = await createAuthor(ds, { slug: "reporter" });
    const science = await createCategory(ds, { slug: "science" });
    const travel = await createCategory(ds, { slug: "travel" });
    const article = (title: string, body: string, overrides: Partial<Article> = {}) =>
      createArticle(ds, { author, category: science, title, body, ...overrides });
    articles.headline = await article("The glacier is melting faster", paragraphs(FILLER, "Scientists measured the ice all summer."));
    articles.repeated = await article(
      "A summer in the mountains",
      paragraphs("The glacier above the village has shrunk.", FILLER, "Glaciers elsewhere are melting too, and the glacier lake grows."),
    );
    articles.mentioned = await article("Budget talks resume", paragraphs(FILLER, FILLER, "One delegate mentioned a glacier in passing."));
    articles.unrelated = await article("Budget talks stall", paragraphs(FILLER));
    articles.otherSection = await article("Hiking to a glacier", paragraphs("A walk to the glacier."), { categoryId: travel.id } as never);
    articles.draft = await article("Glacier draft", paragraphs("Glacier glacier glacier."), { status: ArticleStatus.DRAFT, publishedAt: null });
  });

  test("ranks by relevance: a title match first, more matches before fewer, and never a draft", async () => {
    const page = await found({ search: "glacier" }, { orderBy: "RELEVANCE" });
    const ranked = slugs(page);
    assert.deepEqual(new Set(ranked), new Set([articles.headline, articles.repeated, articles.mentioned, articles.otherSection].map((a) => a.slug)));
    assert.equal(page.totalCount, 4);
    assert.ok(ranked.indexOf(articles.headline.slug) < ranked.indexOf(articles.mentioned.slug), ranked.join());
    assert.ok(ranked.indexOf(articles.repeated.slug) < ranked.indexOf(articles.mentioned.slug), ranked.join());
  });

  test("matches every word, stemmed and case-blind, over title, excerpt and body", async () => {
    assert.deepEqual(slugs(await found({ search: "GLACIERS melted faster" })), [articles.headline.slug]);
    assert.deepEqual(slugs(await found({ search: "glacier village" })), [articles.repeated.slug]);
    assert.deepEqual(slugs(await found({ search: "delegate" })), [articles.mentioned.slug]);
    assert.deepEqual(slugs(await found({ search: "walrus" })), []);
  });

  test("composes with the other filters and with the other orders", async () => {
    const inScience = await found({ search: "glacier", categorySlug: "science" }, { orderBy: "RELEVANCE" });
    assert.ok(!slugs(inScience).includes(articles.otherSection.slug));
    assert.equal(inScience.totalCount, 3);
    const excluded = await found({ search: "glacier", authorSlug: "nobody" });
    assert.equal(excluded.totalCount, 0);
    const newest = await found({ search: "glacier" }, { orderBy: "NEWEST" });
    assert.deepEqual(
      slugs(newest),
      [articles.otherSection, articles.mentioned, articles.repeated, articles.headline].map((a) => a.slug),
    );
  });

  test("pages by relevance with cursors that carry the rank, forwards and backwards", async () => {
    const all = slugs(await found({ search: "glacier" }, { orderBy: "RELEVANCE" }));
    const read = async (args: Record<string, unknown>) => {
      const page = await found({ search: "glacier" }, { orderBy: "RELEVANCE", first: undefined, ...args });
      return { items: slugs(page), pageInfo: page.pageInfo };
    };
    assert.deepEqual(await readAllPages(read, 1, "forwards"), all);
    assert.deepEqual(await readAllPages(read, 3, "backwards"), all);
  });

  test("keeps the index current on every write: a new title, a new body, a deletion", async () => {
    const repository = server().dataSource.getRepository(Article);
    await repository.update(articles.unrelated.id, { title: "Budget talks on glacier funding stall" });
    assert.ok(slugs(await found({ search: "glacier funding" })).includes(articles.unrelated.slug));
    const { html, bodyText } = prepareBody(paragraphs("An iceberg drifted by."));
    await repository.update(articles.unrelated.id, { body: html, bodyText, title: "Budget talks stall" });
    assert.deepEqual(slugs(await found({ search: "iceberg" })), [articles.unrelated.slug]);
    assert.deepEqual(slugs(await found({ search: "funding" })), []);
    const doomed = await createArticle(server().dataSource, {
      author: { id: articles.headline.authorId } as never,
      category: { id: articles.headline.categoryId } as never,
      title: "Narwhal sighting",
    });
    assert.deepEqual(slugs(await found({ search: "narwhal" })), [doomed.slug]);
    await repository.delete(doomed.id);
    assert.deepEqual(slugs(await found({ search: "narwhal" })), []);
  });

  test("answers hostile text with results, never a driver error", async () => {
    for (const text of HOSTILE) {
      for (const orderBy of ["RELEVANCE", "NEWEST"]) {
        const response = await search({ search: text }, { orderBy });
        assert.equal(response.status, 200, text);
        assert.deepEqual(response.body.errors, undefined, `${JSON.stringify(text)}: ${JSON.stringify(response.body.errors)}`);
      }
    }
    assert.ok(slugs(await found({ search: "glacier\u0000melt" })).includes(articles.headline.slug), "NUL separates words");
    assert.ok(slugs(await found({ search: "glacier 🧊🔥" })).includes(articles.headline.slug), "emoji are not words");
  });

  test("refuses text that is too long or has no word in it, and RELEVANCE without a search, naming the field", async () => {
    const refusals: [Record<string, unknown>, Record<string, unknown>, string][] = [
      [{ search: "glacier ".repeat(12_800) }, {}, "filter.search"],
      [{ search: "x".repeat(257) }, {}, "filter.search"],
      [{ search: "a b c d e f g h i j k l m n o p q" }, {}, "filter.search"],
      [{ search: "" }, {}, "filter.search"],
      [{ search: "   " }, {}, "filter.search"],
      [{ search: "🧊🔥" }, {}, "filter.search"],
      [{ search: "\u0000\u0000" }, {}, "filter.search"],
      [{ search: `"*^()"` }, {}, "filter.search"],
      [{}, { orderBy: "RELEVANCE" }, "orderBy"],
      [{ categorySlug: "science" }, { orderBy: "RELEVANCE" }, "orderBy"],
    ];
    for (const [filter, args, field] of refusals) {
      const response = await search(filter, args);
      const what = JSON.stringify(filter).slice(0, 80);
      assert.equal(response.body.errors?.[0].extensions?.code, "BAD_USER_INPUT", what);
      assert.equal(response.body.errors?.[0].extensions?.field, field, what);
      assert.ok(response.body.errors![0].message.length < 200, what);
    }
  });

  test("refuses a tampered relevance cursor", async () => {
    const cursor = (values: unknown[]) => Buffer.from(JSON.stringify(["relevance", ...values])).toString("base64url");
    for (const values of [
      ["high", "2025-01-01T00:00:00.000Z", 1],
      [null, "2025-01-01T00:00:00.000Z", 1],
      ["1e999", "2025-01-01T00:00:00.000Z", 1],
    ]) {
      const response = await search({ search: "glacier" }, { orderBy: "RELEVANCE", after: cursor(values) });
      assert.equal(response.body.errors?.[0].extensions?.code, "BAD_USER_INPUT", JSON.stringify(values));
    }
  });
});
