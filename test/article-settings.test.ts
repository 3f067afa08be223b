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

  test("no image service unless IMAGE_SERVICE names one, with its URL and secrets", () => {
    assert.equal(loadConfig({}).articles.images, null);
    const url = "https://img.example.com";
    assert.deepEqual(loadConfig({ IMAGE_SERVICE: "imgproxy", IMAGE_SERVICE_URL: url, IMGPROXY_KEY: "abcd", IMGPROXY_SALT: "0F1e" }).articles.images, {
      service: "imgproxy",
      baseUrl: url,
      signing: { key: "abcd", salt: "0F1e" },
    });
    assert.deepEqual(loadConfig({ IMAGE_SERVICE: "thumbor", IMAGE_SERVICE_URL: url, THUMBOR_KEY: "k" }).articles.images, {
      service: "thumbor",
      baseUrl: url,
      key: "k",
    });
    assert.deepEqual(loadConfig({ IMAGE_SERVICE: "imgix", IMAGE_SERVICE_URL: url }).articles.images, { service: "imgix", baseUrl: url, token: null });
    assert.deepEqual(loadConfig({ IMAGE_SERVICE: "cloudinary", IMAGE_SERVICE_URL: "demo", CLOUDINARY_API_SECRET: "s" }).articles.images, {
      service: "cloudinary",
      baseUrl: "https://res.cloudinary.com/demo",
      apiSecret: "s",
    });
  });

  test("each mistake is one line naming the variable, and never repeats a secret", () => {
    const url = "https://img.example.com";
    const mistakes: [NodeJS.ProcessEnv, RegExp][] = [
      [{ IMAGE_SERVICE: "fastly" }, /^IMAGE_SERVICE must be one of imgproxy, thumbor, imgix, cloudinary, got "fastly"$/],
      [{ IMAGE_SERVICE_URL: url }, /^IMAGE_SERVICE_URL is set but IMAGE_SERVICE is not/],
      [{ IMAGE_SERVICE: "imgix" }, /^IMAGE_SERVICE_URL must be set when IMAGE_SERVICE=imgix$/],
      [{ IMAGE_SERVICE: "imgix", IMAGE_SERVICE_URL: "ftp://x" }, /^IMAGE_SERVICE_URL must be an http:\/\/ or https:\/\/ URL, got "ftp:\/\/x"$/],
      [{ IMAGE_SERVICE: "imgproxy", IMAGE_SERVICE_URL: url, IMGPROXY_SALT: "ab" }, /^IMGPROXY_KEY must be set when IMAGE_SERVICE=imgproxy/],
      [{ IMAGE_SERVICE: "imgproxy", IMAGE_SERVICE_URL: url, IMGPROXY_KEY: "top-secret", IMGPROXY_SALT: "ab" }, /^IMGPROXY_KEY must be hex-encoded/],
      [{ IMAGE_SERVICE: "imgproxy", IMAGE_SERVICE_URL: url, IMGPROXY_KEY: "ab", IMGPROXY_SALT: "abc" }, /^IMGPROXY_SALT must be hex-encoded/],
      [{ IMAGE_SERVICE: "thumbor", IMAGE_SERVICE_URL: url }, /^THUMBOR_KEY must be set when IMAGE_SERVICE=thumbor/],
      [{ IMAGE_SERVICE: "cloudinary", IMAGE_SERVICE_URL: "not a cloud" }, /^IMAGE_SERVICE_URL must be a Cloudinary cloud name or an http/],
    ];
    for (const [env, expected] of mistakes) {
      assert.throws(
        () => loadConfig(env),
        (error: Error) => expected.test(error.message) && !error.message.includes("\n") && !error.message.includes("top-secret"),
        JSON.stringify(env),
      );
    }
  });
});
