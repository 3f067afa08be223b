import assert from "node:assert/strict";
import { before, test } from "node:test";
import { Author } from "../src/modules/directory/author/author.entity";
import { Category } from "../src/modules/directory/category/category.entity";
import { Role } from "../src/modules/user/role";
import { encodeGlobalId } from "../src/shared/global-id";
import { createArticle, createAuthor, createCategory } from "./factories/content";
import { createUser, signIn } from "./factories/users";
import { cachingFor } from "./helpers/caching";
import { describeEachDatabase } from "./helpers/each-database";

const CREATE = `mutation($input: CreateArticleInput!) { createArticle(input: $input) { article { id version author { slug } authors { slug } } } }`;
const UPDATE = `mutation($input: UpdateArticleInput!) { updateArticle(input: $input) { article { id version author { slug } authors { slug } } } }`;
const PUBLISH = `mutation($id: ID!, $version: Int!) { publishArticle(id: $id, version: $version) { article { id } } }`;
const BYLINE = `query($slug: String!) { article(slug: $slug) { author { slug } authors { slug name } } }`;
const LOAD_MORE_BY = `query($slug: String!) { author(slug: $slug) { articles(first: 10) { totalCount nodes { slug } } } }`;
const FEED_WITH_BYLINES = `query($first: Int!) { articles(first: $first) { nodes { slug author { slug } authors { slug } } } }`;
const AUTHORS_PAGE = `query { authors(first: 20) { nodes { slug articles(first: 5) { totalCount nodes { slug authors { slug } } } } } }`;

const id = (author: Author) => encodeGlobalId("Author", author.id);

describeEachDatabase("co-authored bylines", (server) => {
  let lead: Author;
  let second: Author;
  let third: Author;
  let section: Category;
  let editor: Record<string, string>;

  before(async () => {
    const ds = server().dataSource;
    [lead, second, third] = [await createAuthor(ds), await createAuthor(ds), await createAuthor(ds)];
    section = await createCategory(ds);
    editor = await signIn(server(), await createUser(ds, Role.EDITOR));
  });

  const create = async (authorIds: Author[], headers = editor) =>
    server().graphql(
      CREATE,
      { input: { title: "Shared byline", body: "Two hands wrote this.", categoryId: encodeGlobalId("Category", section.id), authorIds: authorIds.map(id) } },
      headers,
    );

  test("an editor writes a byline of several authors, in order; author is its lead", async () => {
    const response = await create([second, lead, third]);
    assert.equal(response.body.errors, undefined);
    const article = response.body.data.createArticle.article;
    assert.equal(article.author.slug, second.slug);
    assert.deepEqual(
      article.authors.map((author: { slug: string }) => author.slug),
      [second.slug, lead.slug, third.slug],
    );

    const updated = await server().data(
      UPDATE,
      { input: { id: article.id, version: article.version, authorIds: [third.id, second.id].map((n) => encodeGlobalId("Author", n)) } },
      editor,
    );
    assert.equal(updated.updateArticle.article.author.slug, third.slug);
    assert.deepEqual(
      updated.updateArticle.article.authors.map((author: { slug: string }) => author.slug),
      [third.slug, second.slug],
    );
  });

  test("'Load More By' lists the articles an author co-wrote as well as those they lead", async () => {
    const ds = server().dataSource;
    const [a, b, c] = [await createAuthor(ds), await createAuthor(ds), await createAuthor(ds)];
    const led = await createArticle(ds, { author: a, category: section, publishedAt: new Date(Date.UTC(2026, 1, 1)) });
    const coWritten = await createArticle(ds, { author: b, coAuthors: [a], category: section, publishedAt: new Date(Date.UTC(2026, 1, 2)) });
    const notTheirs = await createArticle(ds, { author: c, category: section, publishedAt: new Date(Date.UTC(2026, 1, 3)) });

    const ofA = (await server().data(LOAD_MORE_BY, { slug: a.slug })).author.articles;
    assert.deepEqual(ofA, { totalCount: 2, nodes: [{ slug: coWritten.slug }, { slug: led.slug }] });
    const ofB = (await server().data(LOAD_MORE_BY, { slug: b.slug })).author.articles;
    assert.deepEqual(ofB, { totalCount: 1, nodes: [{ slug: coWritten.slug }] });
    const filtered = await server().data(`query($slug: String!) { articles(first: 10, filter: { authorSlug: $slug }) { nodes { slug } } }`, { slug: a.slug });
    assert.deepEqual(
      filtered.articles.nodes.map((node: { slug: string }) => node.slug),
      [coWritten.slug, led.slug],
    );
    const byline = (await server().data(BYLINE, { slug: coWritten.slug })).article;
    assert.deepEqual(byline, {
      author: { slug: b.slug },
      authors: [
        { slug: b.slug, name: b.name },
        { slug: a.slug, name: a.name },
      ],
    });
    assert.ok(!ofA.nodes.some((node: { slug: string }) => node.slug === notTheirs.slug));

    // A list of authors reads each one's page in its own statement: the same pages.
    const listed: { slug: string; articles: unknown }[] = (
      await server().data(`{ authors(first: 100) { nodes { slug articles(first: 10) { totalCount nodes { slug } } } } }`)
    ).authors.nodes;
    assert.deepEqual(listed.find((author) => author.slug === a.slug)?.articles, ofA);
    assert.deepEqual(listed.find((author) => author.slug === b.slug)?.articles, ofB);
  });

  test("the page's metadata credits every author: JSON-LD Persons and Open Graph author pages, in byline order", async () => {
    const ds = server().dataSource;
    const [a, b] = [await createAuthor(ds), await createAuthor(ds)];
    const article = await createArticle(ds, { author: a, coAuthors: [b], category: section });
    const page = await server().data(`query($slug: String!) { article(slug: $slug) { authors { name url } seo { jsonLd openGraph { authors } } } }`, {
      slug: article.slug,
    });
    const { authors, seo } = page.article;
    assert.deepEqual(
      JSON.parse(seo.jsonLd).author,
      authors.map((author: { name: string; url: string }) => ({ "@type": "Person", name: author.name, url: author.url })),
    );
    assert.deepEqual(
      seo.openGraph.authors,
      authors.map((author: { url: string }) => author.url),
    );
    assert.deepEqual(
      authors.map((author: { name: string }) => author.name),
      [a.name, b.name],
    );
  });

  test("an author who only co-wrote is in the authors' sitemap, dated by that article", async () => {
    const ds = server().dataSource;
    const [a, b] = [await createAuthor(ds), await createAuthor(ds)];
    const publishedAt = new Date(Date.UTC(2026, 2, 3, 4, 5, 6));
    await createArticle(ds, { author: a, coAuthors: [b], category: section, publishedAt });
    const xml = await (await fetch(`${server().baseUrl}/sitemaps/authors-1.xml`)).text();
    const entry = xml.split("<url>").find((url) => url.includes(`/author/${b.slug}<`));
    assert.ok(entry, `${b.slug} is listed`);
    assert.match(entry, new RegExp(`<lastmod>${publishedAt.toISOString().slice(0, 19)}`));
  });

  test("a feed and an authors page that show bylines send as many statements as those that show only the lead", async () => {
    const ds = server().dataSource;
    const writers = [await createAuthor(ds), await createAuthor(ds), await createAuthor(ds)];
    for (let i = 0; i < 12; i++) {
      await createArticle(ds, { author: writers[i % 3], coAuthors: [writers[(i + 1) % 3]], category: section });
    }
    const withLead = await server().countQueries(`query($first: Int!) { articles(first: $first) { nodes { slug author { slug } } } }`, { first: 10 });
    assert.equal(await server().countQueries(FEED_WITH_BYLINES, { first: 3 }), withLead);
    assert.equal(await server().countQueries(FEED_WITH_BYLINES, { first: 10 }), withLead);
    const feed = await server().data(FEED_WITH_BYLINES, { first: 10 });
    for (const node of feed.articles.nodes) assert.equal(node.authors[0].slug, node.author.slug, "authors[0] is author");

    const leadOnly = await server().countQueries(
      `query { authors(first: 20) { nodes { slug articles(first: 5) { totalCount nodes { slug author { slug } } } } } }`,
    );
    assert.equal(await server().countQueries(AUTHORS_PAGE), leadOnly);
    assert.ok(leadOnly <= 3, `${leadOnly} statements`);
  });

  test("refuses an empty, repeated, unknown or overlong byline, and a lead that authorId contradicts", async () => {
    const ds = server().dataSource;
    const many = [];
    for (let i = 0; i < 11; i++) many.push(await createAuthor(ds));
    const cases: [Record<string, unknown>, string][] = [
      [{ authorIds: [] }, "input.authorIds"],
      [{ authorIds: [id(lead), id(lead)] }, "input.authorIds"],
      [{ authorIds: [id(lead), encodeGlobalId("Author", 999_999)] }, "input.authorIds"],
      [{ authorIds: [id(lead), encodeGlobalId("Tag", lead.id)] }, "input.authorIds"],
      [{ authorIds: many.map(id) }, "input.authorIds"],
      [{ authorIds: [id(lead), id(second)], authorId: id(second) }, "input.authorId"],
    ];
    for (const [byline, field] of cases) {
      const response = await server().graphql(
        CREATE,
        { input: { title: "Bad byline", body: "Text.", categoryId: encodeGlobalId("Category", section.id), ...byline } },
        editor,
      );
      assert.equal(response.status, 200);
      assert.equal(response.body.errors?.[0].extensions?.code, "BAD_USER_INPUT", JSON.stringify(byline));
      assert.equal(response.body.errors?.[0].extensions?.field, field, JSON.stringify(byline));
    }
  });

  test("an author credits co-authors on their own article but may not put another author in the lead", async () => {
    const ds = server().dataSource;
    const own = await createAuthor(ds);
    const writer = await signIn(server(), await createUser(ds, Role.AUTHOR, own));
    const credited = await create([own, second], writer);
    assert.equal(credited.body.errors, undefined);
    const led = await create([second, own], writer);
    assert.equal(led.body.errors?.[0].extensions?.code, "FORBIDDEN");
  });

  test("merging an author into a co-author keeps one credit, in the earlier place, and the lead follows", async () => {
    const ds = server().dataSource;
    const [a, b, c] = [await createAuthor(ds), await createAuthor(ds), await createAuthor(ds)];
    const both = await createArticle(ds, { author: a, coAuthors: [c, b], category: section });
    const onlyA = await createArticle(ds, { author: c, coAuthors: [a], category: section });
    const merged = await server().graphql(
      `mutation($input: DeleteAuthorInput!) { deleteAuthor(input: $input) { deletedId reassignedTo articleCount } }`,
      { input: { id: id(a), reassignTo: id(b) } },
      editor,
    );
    assert.equal(merged.body.errors, undefined, JSON.stringify(merged.body.errors));
    assert.equal(merged.body.data.deleteAuthor.articleCount, 2);
    const slugs = async (slug: string) => (await server().data(BYLINE, { slug })).article;
    assert.deepEqual(await slugs(both.slug), {
      author: { slug: b.slug },
      authors: [
        { slug: b.slug, name: b.name },
        { slug: c.slug, name: c.name },
      ],
    });
    assert.deepEqual((await slugs(onlyA.slug)).authors, [
      { slug: c.slug, name: c.name },
      { slug: b.slug, name: b.name },
    ]);
    const refused = await server().graphql(
      `mutation($input: DeleteAuthorInput!) { deleteAuthor(input: $input) { deletedId } }`,
      { input: { id: id(c) } },
      editor,
    );
    assert.equal(refused.body.errors?.[0].extensions?.code, "CONFLICT", "a co-author with articles is not deleted without a reassignment");
  });
});

describeEachDatabase(
  "co-authored bylines in the response cache",
  (server) => {
    test("publishing a co-written article purges each co-author's cached 'Load More By'", async () => {
      const ds = server().dataSource;
      const [a, b] = [await createAuthor(ds), await createAuthor(ds)];
      const section = await createCategory(ds);
      const editor = await signIn(server(), await createUser(ds, Role.EDITOR));
      await createArticle(ds, { author: b, category: section });
      const count = async () => (await server().data(LOAD_MORE_BY, { slug: b.slug })).author.articles.totalCount;
      assert.equal(await count(), 1);
      await createArticle(ds, { author: b, category: section });
      assert.equal(await count(), 1, "the answer is cached: a row written behind the API's back does not show");

      const input = { title: "Co-written", body: "Text.", categoryId: encodeGlobalId("Category", section.id), authorIds: [id(a), id(b)] };
      const draft = (await server().data(CREATE, { input }, editor)).createArticle.article;
      await server().data(PUBLISH, { id: draft.id, version: draft.version }, editor);
      assert.equal(await count(), 3, "the co-author's feed was purged: both new articles show");
    });
  },
  { caching: cachingFor("memory", { responseCacheTtlSeconds: 3600 }) },
);
