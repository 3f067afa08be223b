import assert from "node:assert/strict";
import { before, test } from "node:test";
import { DEVELOPMENT_AUTH } from "../src/config";
import { PREVIEW_AUDIENCE } from "../src/modules/article/preview/article-preview.service";
import { ArticleStatus } from "../src/modules/article/article-status";
import { Author } from "../src/modules/directory/author/author.entity";
import { Category } from "../src/modules/directory/category/category.entity";
import { encodeGlobalId } from "../src/shared/global-id";
import { SESSION_AUDIENCE } from "../src/modules/user/auth.service";
import { Role } from "../src/modules/user/role";
import { TokenSigner } from "../src/modules/user/token-signer";
import { createArticle, createAuthor, createCategory } from "./factories/content";
import { createUser, signIn } from "./factories/users";
import { describeEachDatabase } from "./helpers/each-database";

const BY_ID = `query($id: ID, $token: String) { article(id: $id, previewToken: $token) { id slug title status } }`;
const BY_SLUG = `query($slug: String, $token: String) { article(slug: $slug, previewToken: $token) { id slug title status } }`;
const CREATE_TOKEN = `mutation($id: ID!, $minutes: Int) { createPreviewToken(articleId: $id, expiresInMinutes: $minutes) { token expiresAt } }`;

describeEachDatabase("previewing unpublished articles", (server) => {
  let byline: Author;
  let section: Category;
  const as: Record<"editor" | "author" | "otherAuthor" | "contributor", Record<string, string>> = {} as never;

  before(async () => {
    const ds = server().dataSource;
    byline = await createAuthor(ds);
    section = await createCategory(ds);
    as.editor = await signIn(server(), await createUser(ds, Role.EDITOR));
    as.author = await signIn(server(), await createUser(ds, Role.AUTHOR, byline));
    as.otherAuthor = await signIn(server(), await createUser(ds, Role.AUTHOR, await createAuthor(ds)));
    as.contributor = await signIn(server(), await createUser(ds, Role.CONTRIBUTOR, await createAuthor(ds)));
  });

  const draftOf = async (status = ArticleStatus.DRAFT) => {
    const article = await createArticle(server().dataSource, {
      author: byline,
      category: section,
      status,
      publishedAt: status === ArticleStatus.SCHEDULED ? new Date(Date.now() + 86_400_000) : null,
    });
    return { id: encodeGlobalId("Article", article.id), slug: article.slug };
  };

  test("editors and the article's author read a draft or scheduled article through `article` with their own token; nobody else does", async () => {
    for (const status of [ArticleStatus.DRAFT, ArticleStatus.SCHEDULED]) {
      const draft = await draftOf(status);
      for (const who of ["editor", "author"] as const) {
        assert.equal((await server().data(BY_ID, { id: draft.id }, as[who])).article?.status, status, `${who} by id`);
        assert.equal((await server().data(BY_SLUG, { slug: draft.slug }, as[who])).article?.id, draft.id, `${who} by slug`);
      }
      for (const [who, headers] of [
        ["reader", {}],
        ["another author", as.otherAuthor],
        ["a contributor", as.contributor],
      ] as const) {
        assert.equal((await server().data(BY_ID, { id: draft.id }, headers)).article, null, who);
        assert.equal((await server().data(BY_SLUG, { slug: draft.slug }, headers)).article, null, who);
      }
    }
  });

  test("a preview token opens that one draft for a client without credentials, by id or slug, until it expires", async () => {
    const draft = await draftOf();
    const before = Date.now();
    const { createPreviewToken } = await server().data(CREATE_TOKEN, { id: draft.id, minutes: 30 }, as.author);
    const expiresAt = Date.parse(createPreviewToken.expiresAt);
    assert.ok(expiresAt >= before + 29 * 60_000 && expiresAt <= Date.now() + 30 * 60_000, "expires in 30 minutes");
    const token = createPreviewToken.token;
    const previewed = (await server().data(BY_ID, { id: draft.id, token })).article;
    assert.deepEqual([previewed.id, previewed.slug, previewed.status], [draft.id, draft.slug, "DRAFT"]);
    assert.equal((await server().data(BY_SLUG, { slug: draft.slug, token })).article?.id, draft.id);
    assert.equal((await server().data(BY_ID, { id: draft.id })).article, null, "without the token the reader still sees nothing");
    assert.equal(
      (await server().data(`{ articles(first: 100) { nodes { id } } }`)).articles.nodes.some((n: any) => n.id === draft.id),
      false,
    );
  });

  test("expired, forged and other articles' tokens are refused with INVALID_PREVIEW_TOKEN and a reason", async () => {
    const draft = await draftOf();
    const other = await draftOf();
    const rowId = Buffer.from(draft.id, "base64url").toString().split(":")[1];
    const hourAgo = new Date(Date.now() - 3_600_000);
    const expired = (await new TokenSigner(DEVELOPMENT_AUTH.secret, () => hourAgo).sign(PREVIEW_AUDIENCE, rowId, 60)).token;
    const forged = (await new TokenSigner("someone-else's-secret-of-at-least-32-chars").sign(PREVIEW_AUDIENCE, rowId, 600)).token;
    const session = (await new TokenSigner(DEVELOPMENT_AUTH.secret).sign(SESSION_AUDIENCE, rowId, 600)).token;
    const forOther = (await server().data(CREATE_TOKEN, { id: other.id }, as.editor)).createPreviewToken.token;
    const cases: [string, string, string][] = [
      ["an expired token", expired, "EXPIRED"],
      ["a token signed with another key", forged, "INVALID"],
      ["a sign-in token", session, "INVALID"],
      ["a signed-in user's bearer token", as.editor.authorization.slice("Bearer ".length), "INVALID"],
      ["garbage", "not.a.token", "INVALID"],
      ["a token for another article", forOther, "OTHER_ARTICLE"],
    ];
    for (const [what, token, reason] of cases) {
      const response = await server().graphql(BY_ID, { id: draft.id, token });
      assert.equal(response.status, 200, what);
      assert.equal(response.body.data?.article, null, what);
      const [error] = response.body.errors ?? [];
      assert.equal(error?.extensions?.code, "INVALID_PREVIEW_TOKEN", what);
      assert.equal(error?.extensions?.reason, reason, what);
      assert.equal(error?.extensions?.field, "previewToken", what);
      assert.doesNotMatch(JSON.stringify(error), /stack|at .*\.js/, `${what}: no stack trace`);
    }
  });

  test("a preview token does not sign anyone in", async () => {
    const draft = await draftOf();
    const { token } = (await server().data(CREATE_TOKEN, { id: draft.id }, as.editor)).createPreviewToken;
    const asBearer = { authorization: `Bearer ${token}` };
    assert.equal((await server().data(`{ viewer { id } }`, {}, asBearer)).viewer, null);
    assert.equal((await server().data(BY_ID, { id: draft.id }, asBearer)).article, null);
    const mutation = await server().graphql(CREATE_TOKEN, { id: draft.id }, asBearer);
    assert.equal(mutation.body.errors?.[0].extensions?.code, "UNAUTHENTICATED");
  });

  test("only those who may read the article get a preview token for it, for at most a week", async () => {
    const draft = await draftOf();
    for (const [who, headers, code] of [
      ["a reader", {}, "UNAUTHENTICATED"],
      ["another author", as.otherAuthor, "NOT_FOUND"],
      ["a contributor", as.contributor, "NOT_FOUND"],
    ] as const) {
      const response = await server().graphql(CREATE_TOKEN, { id: draft.id }, headers);
      assert.equal(response.body.errors?.[0].extensions?.code, code, who);
    }
    for (const minutes of [0, 7 * 24 * 60 + 1]) {
      const response = await server().graphql(CREATE_TOKEN, { id: draft.id, minutes }, as.editor);
      assert.equal(response.body.errors?.[0].extensions?.field, "expiresInMinutes", String(minutes));
    }
  });
});
