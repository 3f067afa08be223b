import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { before, test } from "node:test";
import { buildSchema as parseSchema, GraphQLObjectType } from "graphql";
import { DataSource } from "typeorm";
import { ARTICLE_FIELD_NEEDS } from "../src/modules/article/list/article-list-shape";
import { Article } from "../src/modules/article/article.entity";
import { createArticle, createAuthor, createCategory, createTag } from "./factories/content";
import { describeEachDatabase } from "./helpers/each-database";

/** Every scalar-valued field of Article with the selection that shows it whole. */
const SHOWN: Record<string, string> = {
  id: "id",
  slug: "slug",
  title: "title",
  subtitle: "subtitle",
  excerpt: "excerpt(maxLength: 60)",
  featuredImage: "featuredImage { url alt caption width height }",
  author: "author { id slug name bio avatarUrl }",
  category: "category { id slug name description }",
  status: "status",
  publishedAt: "publishedAt",
  updatedAt: "updatedAt",
  version: "version",
  commentCount: "commentCount",
  wordCount: "wordCount",
  readingTimeMinutes: "readingTimeMinutes",
  body: "body",
  headings: "headings { anchor text level }",
  tags: "tags { name }",
};

/** The SQL statements `work` sends, in order. */
async function sqlOf(dataSource: DataSource, work: () => Promise<unknown>): Promise<string[]> {
  const logger = dataSource.logger;
  const original = logger.logQuery.bind(logger);
  const sent: string[] = [];
  logger.logQuery = (query, parameters, runner) => {
    sent.push(query);
    return original(query, parameters, runner);
  };
  try {
    await work();
  } finally {
    logger.logQuery = original;
  }
  return sent;
}

test("every field of Article says what a list row reads for it (a new field must decide)", () => {
  const schema = parseSchema(readFileSync("schema.graphql", "utf8"));
  const fields = Object.keys((schema.getType("Article") as GraphQLObjectType).getFields()).sort();
  assert.deepEqual(
    Object.keys(ARTICLE_FIELD_NEEDS)
      .filter((field) => field !== "__typename")
      .sort(),
    fields,
  );
});

describeEachDatabase("lists read only the columns the client asked for", (server) => {
  let slugs: string[];

  before(async () => {
    const ds = server().dataSource;
    const author = await createAuthor(ds, { bio: "Writes long reads.", avatarUrl: "https://img.example/a.jpg" });
    const category = await createCategory(ds, { description: "All the news." });
    const tags = [await createTag(ds, { name: "Zebra crossings" }), await createTag(ds, { name: "Apple harvests" })];
    const articles: Article[] = [];
    for (const n of [1, 2, 3]) {
      articles.push(
        await createArticle(ds, {
          author,
          category,
          tags: n === 3 ? [] : tags,
          title: `Long read ${n}`,
          subtitle: n === 2 ? null : `Standfirst ${n}`,
          editorExcerpt: n === 1 ? "The editor's own excerpt, which is long enough to be cut somewhere." : null,
          imageUrl: n === 3 ? null : `https://img.example/${n}.jpg`,
          imageAlt: n === 3 ? null : `Picture ${n}`,
          imageCaption: n === 1 ? "A caption" : null,
          imageWidth: n === 1 ? 1200 : null,
          imageHeight: n === 1 ? 800 : null,
        }),
      );
    }
    slugs = articles.map((article) => article.slug);
  });

  for (const [field, selection] of Object.entries(SHOWN)) {
    test(`${field}, asked alone, reads the same in every list as on the article's own page`, async () => {
      const lists = await server().data(
        `
        query($author: String!) {
          articles(first: 10) { nodes { slug ${selection} } }
          edges: articles(first: 10) { edges { node { ... on Article { slug ${selection} } } } }
          author(slug: $author) { articles(first: 10) { nodes { ...Shown } } }
        }
        fragment Shown on Article { slug ${selection} }`,
        { author: (await server().data(`{ articles(first: 1) { nodes { author { slug } } } }`)).articles.nodes[0].author.slug },
      );
      for (const slug of slugs) {
        const page = (await server().data(`query($slug: String!) { article(slug: $slug) { slug ${selection} } }`, { slug })).article;
        const find = (nodes: { slug: string }[]) => nodes.find((node) => node.slug === slug);
        assert.deepEqual(find(lists.articles.nodes), page, "the front-page feed");
        assert.deepEqual(find(lists.edges.edges.map((edge: { node: { slug: string } }) => edge.node)), page, "edges { node }");
        assert.deepEqual(find(lists.author.articles.nodes), page, "the author's feed, through a fragment");
      }
    });
  }

  test("an authors page asking for titles and section names reads neither lead texts nor bylines", async () => {
    const sql = await sqlOf(server().dataSource, () =>
      server().data(`{ authors(first: 5) { nodes { name articles(first: 5) { nodes { title category { name } } } } } }`),
    );
    assert.equal(sql.length, 1, "the authors and their pages are read in one statement");
    const [feed] = sql;
    assert.doesNotMatch(feed, /lead_text|_byline/);
    assert.match(feed, /"title"/);
    assert.match(feed, /_section/);
  });

  test("related articles, Keep Reading and Check Also read no tags unless a client asks for them", async () => {
    const sql = await sqlOf(server().dataSource, () =>
      server().data(
        `query($slug: String!) { article(slug: $slug) { relatedArticles(first: 3) { nodes { title } } keepReading { title } checkAlso { title } } }`,
        {
          slug: slugs[0],
        },
      ),
    );
    assert.doesNotMatch(sql.join("\n"), /json_agg|json_group_array/);
  });

  test("a feed of titles reads no lead text; one with excerpts reads the lead text they are cut from", async () => {
    const titles = await sqlOf(server().dataSource, () => server().data(`{ articles(first: 2) { nodes { title } } }`));
    assert.doesNotMatch(titles.join("\n"), /lead_text/);
    const excerpts = await sqlOf(server().dataSource, () => server().data(`{ articles(first: 2) { nodes { title excerpt } } }`));
    assert.match(excerpts.join("\n"), /lead_text/);
  });
});
