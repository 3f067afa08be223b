import assert from "node:assert/strict";
import { before, test } from "node:test";
import { Category } from "../src/modules/directory/category/category.entity";
import { encodeGlobalId } from "../src/shared/global-id";
import { Role } from "../src/modules/user/role";
import { createAuthor, createCategory } from "./factories/content";
import { createUser, signIn } from "./factories/users";
import { describeEachDatabase } from "./helpers/each-database";

const CREATE = `mutation($input: CreateArticleInput!) { createArticle(input: $input) { article { id slug version } } }`;
const UPDATE = `mutation($input: UpdateArticleInput!) { updateArticle(input: $input) { article { slug } } }`;

/** Found by the hostile corpus on PostgreSQL: concurrent writers read the same slug as free and the losers got INTERNAL_SERVER_ERROR. */
describeEachDatabase("editors writing at the same moment", (server) => {
  let section: Category;
  let editor: Record<string, string>;

  before(async () => {
    const ds = server().dataSource;
    section = await createCategory(ds);
    editor = await signIn(server(), await createUser(ds, Role.EDITOR, await createAuthor(ds)));
  });

  const create = (title: string) => server().graphql(CREATE, { input: { title, body: "Words.", categoryId: encodeGlobalId("Category", section.id) } }, editor);

  test("eight articles created at once with one title each get their own slug", async () => {
    const answers = await Promise.all(Array.from({ length: 8 }, () => create("Breaking: the same headline")));
    for (const answer of answers) assert.equal(answer.body.errors, undefined, JSON.stringify(answer.body.errors));
    const slugs = answers.map((answer) => answer.body.data.createArticle.article.slug).sort();
    assert.deepEqual(slugs, ["breaking-the-same-headline", ...Array.from({ length: 7 }, (_, i) => `breaking-the-same-headline-${i + 2}`)].sort());
  });

  test("drafts retitled at once to one title each get their own slug", async () => {
    const drafts = await Promise.all(Array.from({ length: 6 }, (_, i) => create(`Draft ${i}`)));
    const answers = await Promise.all(
      drafts.map((draft) => {
        const { id, version } = draft.body.data.createArticle.article;
        return server().graphql(UPDATE, { input: { id, version, title: "Retitled together" } }, editor);
      }),
    );
    for (const answer of answers) assert.equal(answer.body.errors, undefined, JSON.stringify(answer.body.errors));
    assert.equal(new Set(answers.map((answer) => answer.body.data.updateArticle.article.slug)).size, 6);
  });
});
