import assert from "node:assert/strict";
import { before, test } from "node:test";
import { Author } from "../src/modules/directory/author/author.entity";
import { Category } from "../src/modules/directory/category/category.entity";
import { encodeGlobalId } from "../src/shared/global-id";
import { Role } from "../src/modules/user/role";
import { createAuthor, createCategory, createTag } from "./factories/content";
import { createUser, signIn } from "./factories/users";
import { describeEachDatabase } from "./helpers/each-database";

const ARTICLE = `id slug title status version wordCount readingTimeMinutes body headings { text anchor } tags { name } publishedAt`;
const CREATE = `mutation($input: CreateArticleInput!) { createArticle(input: $input) { article { ${ARTICLE} } } }`;
const UPDATE = `mutation($input: UpdateArticleInput!) { updateArticle(input: $input) { article { ${ARTICLE} } } }`;
const PUBLISH = `mutation($id: ID!, $version: Int!) { publishArticle(id: $id, version: $version) { article { ${ARTICLE} } } }`;
const BY_SLUG = `query($slug: String) { article(slug: $slug) { id slug title status } }`;
const BY_ID = `query($id: ID) { article(id: $id) { id slug status } }`;

describeEachDatabase("editing articles", (server) => {
  let author: Author;
  let section: Category;
  let editor: Record<string, string>;

  before(async () => {
    const ds = server().dataSource;
    author = await createAuthor(ds, { slug: "ed-itor", name: "Ed Itor" });
    section = await createCategory(ds, { slug: "desk", name: "Desk" });
    editor = await signIn(server(), await createUser(ds, Role.EDITOR, author));
  });

  const create = async (title: string, extra: Record<string, unknown> = {}) =>
    (await server().data(CREATE, { input: { title, body: "Some **words** here.", categoryId: encodeGlobalId("Category", section.id), ...extra } }, editor))
      .createArticle.article;

  test("creates a draft from Markdown, rendered, sanitized and measured in the same write", async () => {
    const tag = await createTag(server().dataSource, { name: "Glaciers" });
    const article = await create("Ice: the long melt", {
      body: "## The ice\n\nThe glacier is *melting* fast.\n\n<script>alert(1)</script>\n\n## What next",
      tagIds: [encodeGlobalId("Tag", tag.id)],
    });
    assert.equal(article.slug, "ice-the-long-melt");
    assert.equal(article.status, "DRAFT");
    assert.equal(article.version, 1);
    assert.equal(article.publishedAt, null);
    assert.deepEqual(article.headings, [
      { text: "The ice", anchor: "the-ice" },
      { text: "What next", anchor: "what-next" },
    ]);
    assert.equal(article.wordCount, 9);
    assert.match(article.body, /<em>melting<\/em>/);
    assert.doesNotMatch(article.body, /script|alert/);
    assert.deepEqual(article.tags, [{ name: "Glaciers" }]);
    const html = await create("Plain HTML", { body: "<p onclick='x()'>Hello <b>there</b></p>", bodyFormat: "HTML" });
    assert.match(html.body, /^<p id="p-1">Hello <b>there<\/b><\/p>$/);
  });

  test("names the offending field of bad input", async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ title: "  " }, "input.title"],
      [{ title: "x".repeat(301) }, "input.title"],
      [{ categoryId: encodeGlobalId("Category", 999_999) }, "input.categoryId"],
      [{ categoryId: "garbage" }, "input.categoryId"],
      [{ tagIds: [encodeGlobalId("Tag", 999_999)] }, "input.tagIds"],
      [{ featuredImage: { url: "javascript:alert(1)", alt: "x" } }, "input.featuredImage.url"],
    ];
    for (const [override, field] of cases) {
      const input = { title: "Valid", body: "Body", categoryId: encodeGlobalId("Category", section.id), ...override };
      const response = await server().graphql(CREATE, { input }, editor);
      assert.equal(response.body.errors?.[0].extensions?.code, "BAD_USER_INPUT", field);
      assert.equal(response.body.errors?.[0].extensions?.field, field);
    }
  });

  test("a draft is invisible to readers through every path until it is published", async () => {
    const draft = await create("Secret plans", { body: "Zanzibar xylophones everywhere." });
    const reader = {
      bySlug: () => server().data(BY_SLUG, { slug: draft.slug }),
      byId: () => server().data(BY_ID, { id: draft.id }),
      node: () => server().data(`query($id: ID!) { node(id: $id) { id } }`, { id: draft.id }),
      feed: () => server().data(`{ articles(first: 100) { totalCount nodes { id } } }`),
      search: () => server().data(`{ articles(filter: { search: "zanzibar xylophones" }) { totalCount nodes { id } } }`),
      author: () => server().data(`{ author(slug: "ed-itor") { articles { totalCount nodes { id } } } }`),
      section: () => server().data(`{ category(slug: "desk") { articles { totalCount nodes { id } } } }`),
    };
    const hidden = async () => {
      const answers = await Promise.all(Object.values(reader).map((read) => read()));
      assert.doesNotMatch(JSON.stringify(answers), new RegExp(draft.id), "no reader path shows the draft");
      return answers;
    };
    const [, , , feed] = await hidden();
    assert.equal((await server().data(BY_ID, { id: draft.id }, editor)).article.status, "DRAFT", "the editor previews it");

    const published = (await server().data(PUBLISH, { id: draft.id, version: draft.version }, editor)).publishArticle.article;
    assert.equal(published.status, "PUBLISHED");
    assert.equal(published.version, 2);
    assert.equal((await reader.bySlug()).article.id, draft.id);
    assert.equal((await reader.feed()).articles.totalCount, feed.articles.totalCount + 1);
    assert.deepEqual((await reader.search()).articles.nodes, [{ id: draft.id }]);

    const unpublished = await server().data(
      `mutation($id: ID!, $v: Int!) { unpublishArticle(id: $id, version: $v) { article { status version } } }`,
      { id: draft.id, v: 2 },
      editor,
    );
    assert.deepEqual(unpublished.unpublishArticle.article, { status: "DRAFT", version: 3 });
    await hidden();
  });

  test("the slug follows the title until publication, then stays; a renamed slug keeps answering", async () => {
    const draft = await create("Working title");
    const renamed = (await server().data(UPDATE, { input: { id: draft.id, version: 1, title: "Final title" } }, editor)).updateArticle.article;
    assert.equal(renamed.slug, "final-title");
    const published = (await server().data(PUBLISH, { id: draft.id, version: renamed.version }, editor)).publishArticle.article;
    const retitled = (await server().data(UPDATE, { input: { id: draft.id, version: published.version, title: "A better headline" } }, editor)).updateArticle
      .article;
    assert.equal(retitled.slug, "final-title", "links keep working after a headline change");
    const moved = (await server().data(UPDATE, { input: { id: draft.id, version: retitled.version, slug: "Better Headline" } }, editor)).updateArticle.article;
    assert.equal(moved.slug, "better-headline");
    assert.deepEqual((await server().data(BY_SLUG, { slug: "final-title" })).article, {
      id: draft.id,
      slug: "better-headline",
      title: "A better headline",
      status: "PUBLISHED",
    });
    const twin = await create("Final title");
    assert.equal(twin.slug, "final-title-2", "an old slug is never handed out again");
  });

  test("two editors saving from the same version: one wins, the other gets CONFLICT with the current version", async () => {
    const draft = await create("Contested");
    const save = (title: string) => server().graphql(UPDATE, { input: { id: draft.id, version: draft.version, title } }, editor);
    const responses = await Promise.all([save("Mine"), save("Yours"), save("Theirs")]);
    const winners = responses.filter((r) => !r.body.errors);
    const losers = responses.filter((r) => r.body.errors);
    assert.equal(winners.length, 1);
    assert.equal(losers.length, 2);
    for (const loser of losers) {
      assert.equal(loser.body.errors?.[0].extensions?.code, "CONFLICT");
      assert.equal(loser.body.errors?.[0].extensions?.currentVersion, 2);
    }
    const stored = (await server().data(BY_ID, { id: draft.id }, editor)).article;
    assert.equal(stored.slug, winners[0].body.data.updateArticle.article.slug, "the winner's change is what is stored");
  });

  test("archives, deletes, and refuses transitions that do not apply", async () => {
    const draft = await create("Short-lived");
    const archiveDraft = await server().graphql(`mutation($id: ID!) { archiveArticle(id: $id, version: 1) { article { status } } }`, { id: draft.id }, editor);
    assert.equal(archiveDraft.body.errors?.[0].extensions?.code, "BAD_USER_INPUT");
    await server().data(PUBLISH, { id: draft.id, version: 1 }, editor);
    const archived = await server().data(`mutation($id: ID!) { archiveArticle(id: $id, version: 2) { article { status } } }`, { id: draft.id }, editor);
    assert.equal(archived.archiveArticle.article.status, "ARCHIVED");
    assert.equal((await server().data(BY_ID, { id: draft.id })).article, null, "archived articles leave reader paths");
    assert.equal((await server().data(`mutation($id: ID!) { deleteArticle(id: $id) }`, { id: draft.id }, editor)).deleteArticle, true);
    assert.equal((await server().data(BY_ID, { id: draft.id }, editor)).article, null);
    const again = await server().graphql(`mutation($id: ID!) { deleteArticle(id: $id) }`, { id: draft.id }, editor);
    assert.equal(again.body.errors?.[0].extensions?.code, "NOT_FOUND");
  });

  test("pins and unpins Keep Reading", async () => {
    const [one, two] = [await create("Pinned host"), await create("Pinned pick")];
    await server().data(PUBLISH, { id: two.id, version: 1 }, editor);
    const pin = `mutation($a: ID!, $p: ID) { pinKeepReading(articleId: $a, pickId: $p) { article { keepReading { id } } } }`;
    assert.deepEqual((await server().data(pin, { a: one.id, p: two.id }, editor)).pinKeepReading.article.keepReading, { id: two.id });
    await server().data(pin, { a: one.id, p: null }, editor);
    const [row] = await server().dataSource.query(`SELECT keep_reading_id FROM article WHERE slug = '${one.slug}'`);
    assert.equal(row.keep_reading_id, null);
    const itself = await server().graphql(pin, { a: one.id, p: one.id }, editor);
    assert.equal(itself.body.errors?.[0].extensions?.field, "pickId");
  });
});
