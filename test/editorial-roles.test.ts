import assert from "node:assert/strict";
import { before, test } from "node:test";
import { Author } from "../src/modules/author/author.entity";
import { Category } from "../src/modules/category/category.entity";
import { encodeGlobalId } from "../src/modules/node/global-id";
import { Role } from "../src/modules/user/role";
import { createArticle, createAuthor, createCategory } from "./factories/content";
import { createUser, signIn } from "./factories/users";
import { describeEachDatabase } from "./helpers/each-database";
import { ArticleStatus } from "../src/modules/article/article-status";

type Who = "reader" | Role;
type Whose = "own" | "other";
type Action = "create" | "editDraft" | "editPublished" | "publish" | "delete" | "pin";

/** The rule of issue 5, as a client experiences it: what each role may do to its own and to another's article. */
const ALLOWED: Record<Who, Record<Action, Whose[]>> = {
  reader: { create: [], editDraft: [], editPublished: [], publish: [], delete: [], pin: [] },
  CONTRIBUTOR: { create: ["own"], editDraft: ["own"], editPublished: [], publish: [], delete: [], pin: [] },
  AUTHOR: { create: ["own"], editDraft: ["own"], editPublished: ["own"], publish: ["own"], delete: [], pin: [] },
  EDITOR: { create: ["own", "other"], editDraft: ["own", "other"], editPublished: ["own", "other"], publish: ["own", "other"], delete: ["own", "other"], pin: ["own", "other"] },
  ADMIN: { create: ["own", "other"], editDraft: ["own", "other"], editPublished: ["own", "other"], publish: ["own", "other"], delete: ["own", "other"], pin: ["own", "other"] },
};

describeEachDatabase("who may do what to articles", (server) => {
  const headers = new Map<Who, Record<string, string>>();
  const bylines = new Map<Who, Author>();
  let stranger: Author;
  let section: Category;

  before(async () => {
    const ds = server().dataSource;
    section = await createCategory(ds);
    stranger = await createAuthor(ds);
    headers.set("reader", {});
    for (const role of Object.values(Role)) {
      const author = await createAuthor(ds);
      bylines.set(role, author);
      headers.set(role, await signIn(server(), await createUser(ds, role, author)));
    }
  });

  /** A fresh article of `whose`, so that every attempt starts from the same state. */
  const articleOf = async (who: Who, whose: Whose, status: ArticleStatus) => {
    const author = whose === "own" && who !== "reader" ? bylines.get(who)! : stranger;
    const article = await createArticle(server().dataSource, { author, category: section, status, publishedAt: status === ArticleStatus.PUBLISHED ? new Date() : null });
    return { id: encodeGlobalId("Article", article.id), authorId: encodeGlobalId("Author", author.id) };
  };

  const attempts: Record<Action, (who: Who, whose: Whose) => Promise<[string, Record<string, unknown>]>> = {
    create: async (_who, whose) => {
      const authorId = whose === "own" ? undefined : encodeGlobalId("Author", stranger.id);
      return [`mutation($input: CreateArticleInput!) { createArticle(input: $input) { article { id } } }`, { input: { title: "T", body: "B", categoryId: encodeGlobalId("Category", section.id), authorId } }];
    },
    editDraft: async (who, whose) => {
      const { id } = await articleOf(who, whose, ArticleStatus.DRAFT);
      return [`mutation($input: UpdateArticleInput!) { updateArticle(input: $input) { article { id } } }`, { input: { id, version: 1, subtitle: "S" } }];
    },
    editPublished: async (who, whose) => {
      const { id } = await articleOf(who, whose, ArticleStatus.PUBLISHED);
      return [`mutation($input: UpdateArticleInput!) { updateArticle(input: $input) { article { id } } }`, { input: { id, version: 1, subtitle: "S" } }];
    },
    publish: async (who, whose) => {
      const { id } = await articleOf(who, whose, ArticleStatus.DRAFT);
      return [`mutation($id: ID!) { publishArticle(id: $id, version: 1) { article { id } } }`, { id }];
    },
    delete: async (who, whose) => {
      const { id } = await articleOf(who, whose, ArticleStatus.DRAFT);
      return [`mutation($id: ID!) { deleteArticle(id: $id) }`, { id }];
    },
    pin: async (who, whose) => {
      const { id } = await articleOf(who, whose, ArticleStatus.DRAFT);
      return [`mutation($id: ID!) { pinKeepReading(articleId: $id) { article { id } } }`, { id }];
    },
  };

  for (const who of Object.keys(ALLOWED) as Who[]) {
    test(`${who}: allowed and refused actions`, async () => {
      for (const action of Object.keys(attempts) as Action[]) {
        for (const whose of ["own", "other"] as Whose[]) {
          const [query, variables] = await attempts[action](who, whose);
          const response = await server().graphql(query, variables, headers.get(who));
          const what = `${who} ${action} ${whose}`;
          if (ALLOWED[who][action].includes(whose)) {
            assert.equal(response.body.errors, undefined, `${what}: ${JSON.stringify(response.body.errors)}`);
          } else {
            assert.equal(response.body.errors?.[0].extensions?.code, who === "reader" ? "UNAUTHENTICATED" : "FORBIDDEN", what);
          }
        }
      }
    });
  }

  test("an author previews their own draft but not another's", async () => {
    const own = await articleOf(Role.AUTHOR, "own", ArticleStatus.DRAFT);
    const other = await articleOf(Role.AUTHOR, "other", ArticleStatus.DRAFT);
    const read = (id: string) => server().data(`query($id: ID) { article(id: $id) { id status } }`, { id }, headers.get(Role.AUTHOR));
    assert.deepEqual((await read(own.id)).article, { id: own.id, status: "DRAFT" });
    assert.equal((await read(other.id)).article, null);
  });
});
