import assert from "node:assert/strict";
import { before, test } from "node:test";
import { Author } from "../src/modules/directory/author/author.entity";
import { Category } from "../src/modules/directory/category/category.entity";
import { encodeGlobalId } from "../src/shared/global-id";
import { Role } from "../src/modules/user/role";
import { createArticle, createAuthor, createCategory, createComment, createTag } from "./factories/content";
import { PASSWORD, createUser, signIn } from "./factories/users";
import { describeEachDatabase } from "./helpers/each-database";
import { ArticleStatus } from "../src/modules/article/article-status";
import { CommentStatus } from "../src/modules/comment/comment-status";

type Who = "reader" | Role;
type Whose = "own" | "other";
type Action = "create" | "editDraft" | "editPublished" | "publish" | "delete" | "pin";

/** The rule of issue 5, as a client experiences it: what each role may do to its own and to another's article. */
const ALLOWED: Record<Who, Record<Action, Whose[]>> = {
  reader: { create: [], editDraft: [], editPublished: [], publish: [], delete: [], pin: [] },
  CONTRIBUTOR: { create: ["own"], editDraft: ["own"], editPublished: [], publish: [], delete: [], pin: [] },
  AUTHOR: { create: ["own"], editDraft: ["own"], editPublished: ["own"], publish: ["own"], delete: [], pin: [] },
  EDITOR: {
    create: ["own", "other"],
    editDraft: ["own", "other"],
    editPublished: ["own", "other"],
    publish: ["own", "other"],
    delete: ["own", "other"],
    pin: ["own", "other"],
  },
  ADMIN: {
    create: ["own", "other"],
    editDraft: ["own", "other"],
    editPublished: ["own", "other"],
    publish: ["own", "other"],
    delete: ["own", "other"],
    pin: ["own", "other"],
  },
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
    const article = await createArticle(server().dataSource, {
      author,
      category: section,
      status,
      publishedAt: status === ArticleStatus.PUBLISHED ? new Date() : null,
    });
    return { id: encodeGlobalId("Article", article.id), authorId: encodeGlobalId("Author", author.id) };
  };

  const attempts: Record<Action, (who: Who, whose: Whose) => Promise<[string, Record<string, unknown>]>> = {
    create: async (_who, whose) => {
      const authorId = whose === "own" ? undefined : encodeGlobalId("Author", stranger.id);
      return [
        `mutation($input: CreateArticleInput!) { createArticle(input: $input) { article { id } } }`,
        { input: { title: "T", body: "B", categoryId: encodeGlobalId("Category", section.id), authorId } },
      ];
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

type ManagementAction =
  | "createAuthor"
  | "updateAuthor"
  | "deleteAuthor"
  | "createCategory"
  | "updateCategory"
  | "deleteCategory"
  | "createTag"
  | "updateTag"
  | "deleteTag"
  | "moderateComment"
  | "users"
  | "createUser"
  | "updateUser"
  | "resetUserPassword"
  | "deleteUser"
  | "auditEvents";

const EDITORS: Who[] = [Role.EDITOR, Role.ADMIN];
const ADMINS: Who[] = [Role.ADMIN];

/** Who may manage the taxonomy, moderate, manage accounts and read the audit trail: the rest of issue 5's rule. */
const MAY: Record<ManagementAction, Who[]> = {
  createAuthor: EDITORS,
  updateAuthor: EDITORS,
  deleteAuthor: EDITORS,
  createCategory: EDITORS,
  updateCategory: EDITORS,
  deleteCategory: EDITORS,
  createTag: EDITORS,
  updateTag: EDITORS,
  deleteTag: EDITORS,
  moderateComment: EDITORS,
  users: ADMINS,
  createUser: ADMINS,
  updateUser: ADMINS,
  resetUserPassword: ADMINS,
  deleteUser: ADMINS,
  auditEvents: ADMINS,
};

describeEachDatabase("who may manage the taxonomy, comments, accounts and the audit trail", (server) => {
  const headers = new Map<Who, Record<string, string>>();
  let section: Category;
  let emails = 0;

  before(async () => {
    const ds = server().dataSource;
    section = await createCategory(ds);
    headers.set("reader", {});
    for (const role of Object.values(Role)) headers.set(role, await signIn(server(), await createUser(ds, role)));
  });

  const id = (type: "Author" | "Category" | "Tag" | "Comment" | "User", row: { id: number }) => encodeGlobalId(type, row.id);
  const ds = () => server().dataSource;
  /** An account that never acted, so that deleting it is allowed. */
  const idleUser = () => createUser(ds(), Role.CONTRIBUTOR);

  const attempts: Record<ManagementAction, () => Promise<[string, Record<string, unknown>]>> = {
    createAuthor: async () => [`mutation { createAuthor(input: { name: "New author" }) { author { id } } }`, {}],
    updateAuthor: async () => [
      `mutation($id: ID!) { updateAuthor(input: { id: $id, version: 1, bio: "B" }) { author { id } } }`,
      { id: id("Author", await createAuthor(ds())) },
    ],
    deleteAuthor: async () => [`mutation($id: ID!) { deleteAuthor(input: { id: $id }) { deletedId } }`, { id: id("Author", await createAuthor(ds())) }],
    createCategory: async () => [`mutation { createCategory(input: { name: "New section" }) { category { id } } }`, {}],
    updateCategory: async () => [
      `mutation($id: ID!) { updateCategory(input: { id: $id, version: 1, name: "N" }) { category { id } } }`,
      { id: id("Category", await createCategory(ds())) },
    ],
    deleteCategory: async () => [`mutation($id: ID!) { deleteCategory(input: { id: $id }) { deletedId } }`, { id: id("Category", await createCategory(ds())) }],
    createTag: async () => [`mutation { createTag(input: { name: "New tag" }) { tag { id } } }`, {}],
    updateTag: async () => [
      `mutation($id: ID!) { updateTag(input: { id: $id, version: 1, name: "N" }) { tag { id } } }`,
      { id: id("Tag", await createTag(ds())) },
    ],
    deleteTag: async () => [`mutation($id: ID!) { deleteTag(input: { id: $id }) { deletedId } }`, { id: id("Tag", await createTag(ds())) }],
    moderateComment: async () => {
      const article = await createArticle(ds(), { author: await createAuthor(ds()), category: section });
      const comment = await createComment(ds(), { article, status: CommentStatus.PENDING });
      return [`mutation($id: ID!) { moderateComment(id: $id, status: APPROVED) { id } }`, { id: id("Comment", comment) }];
    },
    users: async () => [`{ users { nodes { email } } }`, {}],
    createUser: async () => [
      `mutation($email: String!, $password: String!) { createUser(input: { email: $email, password: $password, role: AUTHOR }) { user { id } } }`,
      { email: `matrix${++emails}@example.com`, password: PASSWORD },
    ],
    updateUser: async () => [
      `mutation($id: ID!) { updateUser(input: { id: $id, version: 1, role: AUTHOR }) { user { id } } }`,
      { id: id("User", await idleUser()) },
    ],
    resetUserPassword: async () => [
      `mutation($id: ID!, $password: String!) { resetUserPassword(input: { id: $id, password: $password }) { user { id } } }`,
      { id: id("User", await idleUser()), password: "another long passphrase" },
    ],
    deleteUser: async () => [`mutation($id: ID!) { deleteUser(id: $id) }`, { id: id("User", await idleUser()) }],
    auditEvents: async () => [`{ auditEvents { nodes { action } } }`, {}],
  };

  for (const who of Object.keys(ALLOWED) as Who[]) {
    test(`${who}: allowed and refused management`, async () => {
      for (const action of Object.keys(attempts) as ManagementAction[]) {
        const [query, variables] = await attempts[action]();
        const response = await server().graphql(query, variables, headers.get(who));
        const what = `${who} ${action}`;
        if (MAY[action].includes(who)) {
          assert.equal(response.body.errors, undefined, `${what}: ${JSON.stringify(response.body.errors)}`);
        } else {
          assert.equal(response.body.errors?.[0].extensions?.code, who === "reader" ? "UNAUTHENTICATED" : "FORBIDDEN", what);
          assert.doesNotMatch(JSON.stringify(response.body), /@example\.com/, `${what}: no email reaches a non-admin`);
        }
      }
    });
  }
});
