import assert from "node:assert/strict";
import { before, test } from "node:test";
import { Author } from "../src/modules/directory/author/author.entity";
import { Category } from "../src/modules/directory/category/category.entity";
import { encodeGlobalId } from "../src/shared/global-id";
import { Role } from "../src/modules/user/role";
import { createAuthor, createCategory, createTag } from "./factories/content";
import { createUser, signIn } from "./factories/users";
import { describeEachDatabase } from "./helpers/each-database";
import { readAllPages } from "./helpers/paging";

const ARTICLE = `id slug title subtitle version body wordCount readingTimeMinutes headings { text anchor } tags { name } category { slug }`;
const CREATE = `mutation($input: CreateArticleInput!) { createArticle(input: $input) { article { ${ARTICLE} } } }`;
const UPDATE = `mutation($input: UpdateArticleInput!) { updateArticle(input: $input) { article { ${ARTICLE} } } }`;
const PUBLISH = `mutation($id: ID!, $version: Int!) { publishArticle(id: $id, version: $version) { article { ${ARTICLE} } } }`;
const RESTORE = `mutation($input: RestoreArticleRevisionInput!) { restoreArticleRevision(input: $input) { article { ${ARTICLE} } } }`;
const REVISIONS = `query($id: ID!, $first: Int, $after: String) {
  article(id: $id) {
    revisions(first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      nodes { id action changedFields title subtitle body bodySource bodyFormat slug createdAt savedBy { slug } tags { name } category { slug } }
    }
  }
}`;

const LONG_BODY = `## Where it began\n\n${"word ".repeat(700)}\n\n## Where it ends\n\nThe end.`;

describeEachDatabase("article revisions", (server) => {
  let byline: Author;
  let section: Category;
  let otherSection: Category;
  const as: Record<"editor" | "author" | "otherAuthor" | "contributor", Record<string, string>> = {} as never;

  before(async () => {
    const ds = server().dataSource;
    byline = await createAuthor(ds, { slug: "rev-author" });
    section = await createCategory(ds, { slug: "rev-desk" });
    otherSection = await createCategory(ds, { slug: "rev-other" });
    as.editor = await signIn(server(), await createUser(ds, Role.EDITOR, await createAuthor(ds, { slug: "rev-editor" })));
    as.author = await signIn(server(), await createUser(ds, Role.AUTHOR, byline));
    as.otherAuthor = await signIn(server(), await createUser(ds, Role.AUTHOR, await createAuthor(ds)));
    as.contributor = await signIn(server(), await createUser(ds, Role.CONTRIBUTOR, await createAuthor(ds)));
  });

  /** A published article of `byline`, written by its author: version 2, one PUBLISH revision. */
  const published = async (title: string) => {
    const tag = await createTag(server().dataSource, { name: `${title} tag` });
    const input = {
      title,
      subtitle: "First standfirst",
      body: LONG_BODY,
      categoryId: encodeGlobalId("Category", section.id),
      tagIds: [encodeGlobalId("Tag", tag.id)],
    };
    const draft = (await server().data(CREATE, { input }, as.author)).createArticle.article;
    return (await server().data(PUBLISH, { id: draft.id, version: draft.version }, as.author)).publishArticle.article;
  };
  const revisionsOf = async (id: string, headers: Record<string, string>, first = 10) =>
    (await server().data(REVISIONS, { id, first }, headers)).article.revisions;

  test("publication and every save of a published article keep a revision: who, when, what changed, the content", async () => {
    const article = await published("Revised story");
    const edited = (
      await server().data(UPDATE, { input: { id: article.id, version: article.version, title: "Revised story, updated", body: "Short now." } }, as.editor)
    ).updateArticle.article;
    const retitled = (await server().data(UPDATE, { input: { id: article.id, version: edited.version, subtitle: "Second standfirst" } }, as.author))
      .updateArticle.article;
    assert.equal(retitled.version, 4);

    const revisions = await revisionsOf(article.id, as.editor);
    assert.equal(revisions.totalCount, 3);
    const [latest, middle, first] = revisions.nodes;
    assert.deepEqual(
      revisions.nodes.map((r: any) => [r.action, r.changedFields, r.savedBy?.slug]),
      [
        ["UPDATE", ["subtitle"], "rev-author"],
        ["UPDATE", ["title", "body"], "rev-editor"],
        ["PUBLISH", ["title", "subtitle", "body", "categoryId", "tagIds", "slug"], "rev-author"],
      ],
      "newest first, each naming the fields it changed and who saved it",
    );
    assert.equal(first.title, "Revised story");
    assert.equal(first.subtitle, "First standfirst");
    assert.equal(first.body, article.body, "the body as readers saw it");
    assert.equal(first.bodySource, null, "publication carried no body text");
    assert.deepEqual(first.tags, [{ name: "Revised story tag" }]);
    assert.equal(first.category.slug, "rev-desk");
    assert.equal(middle.bodySource, "Short now.");
    assert.equal(middle.bodyFormat, "MARKDOWN");
    assert.equal(latest.slug, "revised-story", "the slug stayed after publication");
    assert.ok(Date.parse(latest.createdAt) >= Date.parse(first.createdAt));
  });

  test("saves of a draft keep no revision", async () => {
    const draft = (await server().data(CREATE, { input: { title: "Still a draft", body: "x", categoryId: encodeGlobalId("Category", section.id) } }, as.author))
      .createArticle.article;
    await server().data(UPDATE, { input: { id: draft.id, version: 1, subtitle: "y" } }, as.author);
    assert.equal((await revisionsOf(draft.id, as.author)).totalCount, 0);
  });

  test("pages revisions newest first with keyset cursors", async () => {
    let article = await published("Paged revisions");
    for (const subtitle of ["a", "b", "c", "d"]) {
      article = (await server().data(UPDATE, { input: { id: article.id, version: article.version, subtitle } }, as.editor)).updateArticle.article;
    }
    const read = async (args: Record<string, unknown>) => {
      const page = (await server().data(REVISIONS, { id: article.id, ...args }, as.editor)).article.revisions;
      return { items: page.nodes.map((r: any) => r.subtitle), pageInfo: page.pageInfo };
    };
    assert.deepEqual(await readAllPages(read, 2, "forwards"), ["d", "c", "b", "a", "First standfirst"]);
    const bad = await server().graphql(REVISIONS, { id: article.id, first: 2, after: "garbage" }, as.editor);
    assert.equal(bad.body.errors?.[0].extensions?.code, "BAD_USER_INPUT");
  });

  test("editors and the article's author see its revisions; readers and other authors or contributors are refused", async () => {
    const article = await published("Private history");
    assert.equal((await revisionsOf(article.id, as.author)).totalCount, 1);
    assert.equal((await revisionsOf(article.id, as.editor)).totalCount, 1);
    for (const [who, headers, code] of [
      ["a reader", {}, "UNAUTHENTICATED"],
      ["another author", as.otherAuthor, "FORBIDDEN"],
      ["a contributor", as.contributor, "FORBIDDEN"],
    ] as const) {
      const response = await server().graphql(REVISIONS, { id: article.id }, headers);
      assert.equal(response.body.data?.article?.revisions, null, who);
      assert.equal(response.body.errors?.[0].extensions?.code, code, who);
      assert.equal(response.body.data?.article?.revisions, null, `${who} still reads the published article, without its history`);
    }
    const revisionId = (await revisionsOf(article.id, as.editor)).nodes[0].id;
    const node = `query($id: ID!) { node(id: $id) { id ... on ArticleRevision { title } } }`;
    assert.deepEqual((await server().data(node, { id: revisionId }, as.author)).node, { id: revisionId, title: "Private history" });
    assert.equal((await server().data(node, { id: revisionId })).node, null, "node() hides revisions from readers");
    assert.equal((await server().data(node, { id: revisionId }, as.otherAuthor)).node, null);
  });

  test("restores a revision through the write path: content and derived fields come back, the slug stays, a new revision is kept", async () => {
    const original = await published("Restorable");
    const [publication] = (await revisionsOf(original.id, as.editor)).nodes;
    const otherTag = await createTag(server().dataSource, { name: "Unrelated" });
    const changed = (
      await server().data(
        UPDATE,
        {
          input: {
            id: original.id,
            version: original.version,
            title: "Restorable, rewritten",
            subtitle: null,
            body: "One line.",
            categoryId: encodeGlobalId("Category", otherSection.id),
            tagIds: [encodeGlobalId("Tag", otherTag.id)],
          },
        },
        as.editor,
      )
    ).updateArticle.article;
    assert.equal(changed.readingTimeMinutes, 1);
    assert.deepEqual(changed.headings, []);

    const restored = (await server().data(RESTORE, { input: { articleId: original.id, revisionId: publication.id, version: changed.version } }, as.author))
      .restoreArticleRevision.article;
    assert.equal(restored.version, changed.version + 1);
    for (const field of ["title", "subtitle", "wordCount", "readingTimeMinutes", "headings", "tags", "category", "slug"] as const) {
      assert.deepEqual(restored[field], original[field], field);
    }
    // Re-preparing rendered Markdown drops the newline marked leaves after the last block; nothing else differs.
    assert.ok(restored.body === original.body.trimEnd(), "the body comes back with its block ids");
    assert.equal(original.readingTimeMinutes, 4, "700 words take 4 minutes: the derived fields were recomputed, not left at 1");

    const revisions = (await revisionsOf(original.id, as.editor)).nodes;
    assert.equal(revisions.length, 3);
    assert.equal(revisions[0].action, "RESTORE");
    assert.deepEqual(revisions[0].changedFields, ["title", "subtitle", "body", "categoryId", "tagIds"]);
    const [audit] = await server().dataSource.query(`SELECT action FROM audit_event ORDER BY id DESC LIMIT 1`);
    assert.equal(audit.action, "restoreArticleRevision");

    const reader = (await server().data(`query($slug: String) { article(slug: $slug) { title } }`, { slug: original.slug })).article;
    assert.equal(reader.title, "Restorable", "readers see the restored content at the same slug");
  });

  test("a restore from a stale version is a CONFLICT with the current version; a revision of another article is NOT_FOUND", async () => {
    const article = await published("Contested restore");
    const [publication] = (await revisionsOf(article.id, as.editor)).nodes;
    const moved = (await server().data(UPDATE, { input: { id: article.id, version: article.version, subtitle: "Newer" } }, as.editor)).updateArticle.article;
    const stale = await server().graphql(RESTORE, { input: { articleId: article.id, revisionId: publication.id, version: article.version } }, as.editor);
    assert.equal(stale.body.errors?.[0].extensions?.code, "CONFLICT");
    assert.equal(stale.body.errors?.[0].extensions?.currentVersion, moved.version);
    assert.equal((await revisionsOf(article.id, as.editor)).totalCount, 2, "the refused restore left no revision");

    const other = await published("Someone else's history");
    const foreign = await server().graphql(RESTORE, { input: { articleId: other.id, revisionId: publication.id, version: other.version } }, as.editor);
    assert.equal(foreign.body.errors?.[0].extensions?.code, "NOT_FOUND");
    assert.equal(foreign.body.errors?.[0].extensions?.field, "input.revisionId");

    const notYours = await server().graphql(RESTORE, { input: { articleId: article.id, revisionId: publication.id, version: moved.version } }, as.otherAuthor);
    assert.equal(notYours.body.errors?.[0].extensions?.code, "FORBIDDEN");
    const reader = await server().graphql(RESTORE, { input: { articleId: article.id, revisionId: publication.id, version: moved.version } });
    assert.equal(reader.body.errors?.[0].extensions?.code, "UNAUTHENTICATED");
  });
});
