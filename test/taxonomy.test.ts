import assert from "node:assert/strict";
import { before, test } from "node:test";
import { AuditEvent } from "../src/modules/user/audit/audit-event.entity";
import { Category } from "../src/modules/directory/category/category.entity";
import { encodeGlobalId } from "../src/shared/global-id";
import { Role } from "../src/modules/user/role";
import { User } from "../src/modules/user/user.entity";
import { createArticle, createAuthor, createCategory, createTag } from "./factories/content";
import { createUser, signIn } from "./factories/users";
import { describeEachDatabase } from "./helpers/each-database";

const CREATE_AUTHOR = `mutation($input: CreateAuthorInput!) { createAuthor(input: $input) { author { id slug name bio avatarUrl version } } }`;
const UPDATE_AUTHOR = `mutation($input: UpdateAuthorInput!) { updateAuthor(input: $input) { author { id slug name bio version } } }`;
const DELETE_AUTHOR = `mutation($input: DeleteAuthorInput!) { deleteAuthor(input: $input) { deletedId reassignedTo articleCount } }`;
const CREATE_CATEGORY = `mutation($input: CreateCategoryInput!) { createCategory(input: $input) { category { id slug name description version } } }`;
const UPDATE_CATEGORY = `mutation($input: UpdateCategoryInput!) { updateCategory(input: $input) { category { id slug name description version } } }`;
const DELETE_CATEGORY = `mutation($input: DeleteCategoryInput!) { deleteCategory(input: $input) { deletedId reassignedTo articleCount } }`;
const CREATE_TAG = `mutation($input: CreateTagInput!) { createTag(input: $input) { tag { id slug name version } } }`;
const DELETE_TAG = `mutation($input: DeleteTagInput!) { deleteTag(input: $input) { deletedId reassignedTo articleCount } }`;
const ARTICLE = `query($id: ID) { article(id: $id) { version author { slug } category { slug } tags { slug } } }`;

describeEachDatabase("managing authors, sections and tags", (server) => {
  let editor: Record<string, string>;
  let editorUser: User;

  before(async () => {
    editorUser = await createUser(server().dataSource, Role.EDITOR);
    editor = await signIn(server(), editorUser);
  });

  const auditOf = (action: string, objectType: string) =>
    server()
      .dataSource.getRepository(AuditEvent)
      .find({ where: { action, objectType }, order: { id: "ASC" } });

  test("creates each with a unique slug made from its name, and records who did it", async () => {
    const first = (
      await server().data(CREATE_AUTHOR, { input: { name: "Zoë O'Brien", bio: "  Writes about ice.  ", avatarUrl: "https://img.example/zoe.jpg" } }, editor)
    ).createAuthor.author;
    assert.deepEqual(
      { ...first, id: undefined },
      { id: undefined, slug: "zoe-obrien", name: "Zoë O'Brien", bio: "Writes about ice.", avatarUrl: "https://img.example/zoe.jpg", version: 1 },
    );
    const twin = (await server().data(CREATE_AUTHOR, { input: { name: "Zoe OBrien" } }, editor)).createAuthor.author;
    assert.equal(twin.slug, "zoe-obrien-2");
    const section = (await server().data(CREATE_CATEGORY, { input: { name: "Climate & Energy", description: "Heat." } }, editor)).createCategory.category;
    assert.equal(section.slug, "climate-energy");
    const tag = (await server().data(CREATE_TAG, { input: { name: "Sea ice", slug: "Arctic Sea Ice" } }, editor)).createTag.tag;
    assert.equal(tag.slug, "arctic-sea-ice", "an explicit slug is made URL-safe");
    assert.equal((await server().data(`query($s: String!) { author(slug: $s) { name } }`, { s: "zoe-obrien" })).author.name, "Zoë O'Brien");

    const events = await auditOf("createAuthor", "Author");
    assert.deepEqual(
      events.slice(-2).map((event) => [event.userId, encodeGlobalId("Author", event.objectId)]),
      [
        [editorUser.id, first.id],
        [editorUser.id, twin.id],
      ],
    );
    assert.equal((await auditOf("createCategory", "Category")).length, 1);
    assert.equal((await auditOf("createTag", "Tag")).length, 1);
  });

  test("editors creating the same name at once each get their own slug", async () => {
    const create = () => server().graphql(CREATE_TAG, { input: { name: "Simultaneous" } }, editor);
    const responses = await Promise.all(Array.from({ length: 8 }, create));
    assert.deepEqual(
      responses.map((response) => response.body.errors),
      Array(8).fill(undefined),
    );
    const slugs = responses.map((response) => response.body.data.createTag.tag.slug).sort();
    assert.deepEqual(slugs, ["simultaneous", ...[2, 3, 4, 5, 6, 7, 8].map((n) => `simultaneous-${n}`)].sort());
  });

  test("names the offending field of bad input, NUL bytes and lone surrogates included", async () => {
    const cases: [string, Record<string, unknown>, string][] = [
      [CREATE_AUTHOR, { name: "  " }, "input.name"],
      [CREATE_AUTHOR, { name: "Nul\u0000Byte" }, "input.name"],
      [CREATE_AUTHOR, { name: "Half \uD83D" }, "input.name"],
      [CREATE_AUTHOR, { name: "x".repeat(201) }, "input.name"],
      [CREATE_AUTHOR, { name: "Ok", avatarUrl: "javascript:alert(1)" }, "input.avatarUrl"],
      [CREATE_AUTHOR, { name: "Ok", bio: "x".repeat(5001) }, "input.bio"],
      [CREATE_CATEGORY, { name: "Ok", description: "bad \u0007 bell" }, "input.description"],
      [CREATE_TAG, { name: "Ok", slug: "\uDC00" }, "input.slug"],
    ];
    for (const [mutation, input, field] of cases) {
      const response = await server().graphql(mutation, { input }, editor);
      assert.equal(response.body.errors?.[0].extensions?.code, "BAD_USER_INPUT", `${field}: ${JSON.stringify(input).slice(0, 40)}`);
      assert.equal(response.body.errors?.[0].extensions?.field, field);
    }
    const badId = await server().graphql(UPDATE_CATEGORY, { input: { id: encodeGlobalId("Tag", 1), version: 1, name: "X" } }, editor);
    assert.equal(badId.body.errors?.[0].extensions?.field, "input.id", "an id of another type is refused");
    const missing = await server().graphql(UPDATE_CATEGORY, { input: { id: encodeGlobalId("Category", 999_999), version: 1, name: "X" } }, editor);
    assert.equal(missing.body.errors?.[0].extensions?.code, "NOT_FOUND");
  });

  test("updates at the version read: of two editors saving from the same version one wins, the other gets CONFLICT", async () => {
    const author = (await server().data(CREATE_AUTHOR, { input: { name: "Contested Name", bio: "Old" } }, editor)).createAuthor.author;
    const save = (name: string) => server().graphql(UPDATE_AUTHOR, { input: { id: author.id, version: 1, name } }, editor);
    const responses = await Promise.all([save("Mine"), save("Yours")]);
    const winners = responses.filter((response) => !response.body.errors);
    assert.equal(winners.length, 1);
    const loser = responses.find((response) => response.body.errors)!;
    assert.equal(loser.body.errors?.[0].extensions?.code, "CONFLICT");
    assert.equal(loser.body.errors?.[0].extensions?.currentVersion, 2);
    const winner = winners[0].body.data.updateAuthor.author;
    assert.deepEqual(
      { slug: winner.slug, bio: winner.bio, version: winner.version },
      { slug: "contested-name", bio: "Old", version: 2 },
      "a rename keeps the slug",
    );

    const cleared = (await server().data(UPDATE_AUTHOR, { input: { id: author.id, version: 2, bio: null, slug: "Renamed" } }, editor)).updateAuthor.author;
    assert.deepEqual({ slug: cleared.slug, bio: cleared.bio, version: cleared.version }, { slug: "renamed", bio: null, version: 3 });
    const [event] = (await auditOf("updateAuthor", "Author")).slice(-1);
    assert.equal(event.detail, "bio, slug");
  });

  test("a section with articles is not deleted unless its articles go somewhere; then they move, each as a new version", async () => {
    const ds = server().dataSource;
    const author = await createAuthor(ds);
    const doomed = await createCategory(ds, { slug: "doomed", name: "Doomed" });
    const heir = await createCategory(ds, { slug: "heir", name: "Heir" });
    const articles = [await createArticle(ds, { author, category: doomed }), await createArticle(ds, { author, category: doomed })];
    const id = encodeGlobalId("Category", doomed.id);

    const refused = await server().graphql(DELETE_CATEGORY, { input: { id } }, editor);
    assert.equal(refused.body.errors?.[0].extensions?.code, "CONFLICT");
    assert.equal(refused.body.errors?.[0].extensions?.articles, 2);
    assert.match(refused.body.errors![0].message, /2 articles/);
    assert.ok(await ds.getRepository(Category).existsBy({ id: doomed.id }), "nothing was deleted");

    const onto = await server().graphql(DELETE_CATEGORY, { input: { id, reassignTo: id } }, editor);
    assert.equal(onto.body.errors?.[0].extensions?.field, "input.reassignTo");

    const done = (await server().data(DELETE_CATEGORY, { input: { id, reassignTo: encodeGlobalId("Category", heir.id) } }, editor)).deleteCategory;
    assert.deepEqual(done, { deletedId: id, reassignedTo: encodeGlobalId("Category", heir.id), articleCount: 2 });
    for (const article of articles) {
      const moved = (await server().data(ARTICLE, { id: encodeGlobalId("Article", article.id) })).article;
      assert.deepEqual({ section: moved.category.slug, version: moved.version }, { section: "heir", version: 2 });
    }
    assert.equal((await server().data(`{ category(slug: "doomed") { id } }`)).category, null);
    const [event] = (await auditOf("deleteCategory", "Category")).slice(-1);
    assert.deepEqual([event.userId, event.objectId, event.detail], [editorUser.id, doomed.id, `2 articles moved to ${encodeGlobalId("Category", heir.id)}`]);

    const empty = await createCategory(ds);
    assert.equal((await server().data(DELETE_CATEGORY, { input: { id: encodeGlobalId("Category", empty.id) } }, editor)).deleteCategory.articleCount, 0);
    const again = await server().graphql(DELETE_CATEGORY, { input: { id: encodeGlobalId("Category", empty.id) } }, editor);
    assert.equal(again.body.errors?.[0].extensions?.code, "NOT_FOUND");
  });

  test("an author with articles or accounts is merged into another, never dropped", async () => {
    const ds = server().dataSource;
    const section = await createCategory(ds);
    const duplicate = await createAuthor(ds, { slug: "j-smith", name: "J. Smith" });
    const survivor = await createAuthor(ds, { slug: "john-smith", name: "John Smith" });
    const article = await createArticle(ds, { author: duplicate, category: section });
    const account = await createUser(ds, Role.AUTHOR, duplicate);
    const id = encodeGlobalId("Author", duplicate.id);

    const refused = await server().graphql(DELETE_AUTHOR, { input: { id } }, editor);
    assert.equal(refused.body.errors?.[0].extensions?.code, "CONFLICT");
    assert.deepEqual([refused.body.errors?.[0].extensions?.articles, refused.body.errors?.[0].extensions?.accounts], [1, 1]);

    const merged = (await server().data(DELETE_AUTHOR, { input: { id, reassignTo: encodeGlobalId("Author", survivor.id) } }, editor)).deleteAuthor;
    assert.equal(merged.articleCount, 1);
    assert.equal((await server().data(ARTICLE, { id: encodeGlobalId("Article", article.id) })).article.author.slug, "john-smith");
    const viewer = (await server().data(`{ viewer { author { slug } } }`, {}, await signIn(server(), account))).viewer;
    assert.equal(viewer.author.slug, "john-smith", "the account now writes under the surviving byline");
  });

  test("deleting a tag removes its links; with reassignTo the articles carry the other tag instead, once", async () => {
    const ds = server().dataSource;
    const [author, section] = [await createAuthor(ds), await createCategory(ds)];
    const [old, kept, gone] = [await createTag(ds, { slug: "old-tag" }), await createTag(ds, { slug: "kept-tag" }), await createTag(ds, { slug: "gone-tag" })];
    const both = await createArticle(ds, { author, category: section, tags: [old, kept, gone] });
    const onlyOld = await createArticle(ds, { author, category: section, tags: [old] });
    const tagsOf = async (articleId: number) =>
      (await server().data(ARTICLE, { id: encodeGlobalId("Article", articleId) })).article.tags.map((tag: { slug: string }) => tag.slug);

    const untagged = (await server().data(DELETE_TAG, { input: { id: encodeGlobalId("Tag", gone.id) } }, editor)).deleteTag;
    assert.equal(untagged.articleCount, 1);
    assert.deepEqual((await tagsOf(both.id)).sort(), ["kept-tag", "old-tag"]);

    const merged = (await server().data(DELETE_TAG, { input: { id: encodeGlobalId("Tag", old.id), reassignTo: encodeGlobalId("Tag", kept.id) } }, editor))
      .deleteTag;
    assert.equal(merged.articleCount, 2);
    assert.deepEqual(await tagsOf(both.id), ["kept-tag"]);
    assert.deepEqual(await tagsOf(onlyOld.id), ["kept-tag"]);
    assert.equal((await server().data(`{ tag(slug: "kept-tag") { articles { totalCount } } }`)).tag.articles.totalCount, 2);
  });
});
