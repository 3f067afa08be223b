import assert from "node:assert/strict";
import { before, describe, test } from "node:test";
import { loadConfig } from "../src/config";
import { Role } from "../src/modules/user/role";
import { encodeGlobalId } from "../src/shared/global-id";
import { createAuthor, createCategory } from "./factories/content";
import { createUser, signIn } from "./factories/users";
import { describeEachDatabase } from "./helpers/each-database";

const words = (count: number) => Array.from({ length: count }, (_, i) => `word${i}`).join(" ");

describeEachDatabase(
  "a site's own reading speed (READING_WORDS_PER_MINUTE)",
  (server) => {
    let editor: Record<string, string>;
    let categoryId: string;
    before(async () => {
      const ds = server().dataSource;
      const author = await createAuthor(ds);
      categoryId = encodeGlobalId("Category", (await createCategory(ds)).id);
      editor = await signIn(server(), await createUser(ds, Role.EDITOR, author));
    });

    test("derives readingTimeMinutes at the configured speed when a body is saved, rounded up", async () => {
      const create = `mutation($input: CreateArticleInput!) { createArticle(input: $input) { article { id version wordCount readingTimeMinutes } } }`;
      const { article } = (await server().data(create, { input: { title: "Slow readers", body: words(250), categoryId } }, editor)).createArticle;
      assert.deepEqual([article.wordCount, article.readingTimeMinutes], [250, 3], "250 words at 100 a minute (it would be 2 at 230)");
      const update = `mutation($input: UpdateArticleInput!) { updateArticle(input: $input) { article { readingTimeMinutes } } }`;
      const edited = await server().data(update, { input: { id: article.id, version: article.version, body: words(401) } }, editor);
      assert.equal(edited.updateArticle.article.readingTimeMinutes, 5);
    });
  },
  { articles: { readingWordsPerMinute: 100 } },
);

describe("the article settings from the environment", () => {
  test("reading speed defaults to 230 words a minute, and must be a positive integer", () => {
    assert.equal(loadConfig({}).articles.readingWordsPerMinute, 230);
    assert.equal(loadConfig({ READING_WORDS_PER_MINUTE: "180" }).articles.readingWordsPerMinute, 180);
    assert.throws(() => loadConfig({ READING_WORDS_PER_MINUTE: "0" }), /^Error: READING_WORDS_PER_MINUTE must be at least 1$/);
    assert.throws(() => loadConfig({ READING_WORDS_PER_MINUTE: "fast" }), /READING_WORDS_PER_MINUTE must be a non-negative integer, got "fast"/);
  });
});
