import assert from "node:assert/strict";
import { before, test } from "node:test";
import { loadConfig } from "../src/config";
import { Author } from "../src/modules/directory/author/author.entity";
import { encodeGlobalId } from "../src/shared/global-id";
import { Role } from "../src/modules/user/role";
import { ServerDeps, serverOptionsFrom } from "../src/server";
import { createArticle, createAuthor, createCategory, createComment } from "./factories/content";
import { createUser, signIn } from "./factories/users";
import { describeEachDatabase } from "./helpers/each-database";
import { TestServer } from "./helpers/test-server";

/** No scheduler tick nor outbox poll may land between two readings of the process-wide db_queries_total. */
const QUIET: Partial<ServerDeps> = { schedulerIntervalMs: 0, comments: { mail: { pollMs: 0 } } };

/** How many objects of each kind the fixture has: every check compares 2 of them with all of them. */
const MANY = 6;

const NODES = `query Nodes($ids: [ID!]!) {
  nodes(ids: $ids) {
    id
    ... on Article { title }
    ... on Author { name }
    ... on Comment { body article { title } }
    ... on ArticleRevision { title savedBy { name } }
  }
}`;

const USERS = `query Users($first: Int!) { users(first: $first) { nodes { email author { name } } } }`;

/** One `node` field per id, aliased: each resolves on its own, and only the loaders can batch them. */
function aliasedNodes(ids: string[]): string {
  return `query { ${ids.map((id, i) => `n${i}: node(id: ${JSON.stringify(id)}) { id ... on Article { title } ... on Author { name } }`).join("\n")} }`;
}

interface Content {
  authors: Author[];
  /** Their articles and themselves, alternating (global ids). */
  articlesAndAuthors: string[];
  comments: string[];
}

interface Fixture extends Content {
  revisions: string[];
  editor: Record<string, string>;
  admin: Record<string, string>;
}

/** MANY authors, each with an article and a comment on it. */
async function seedContent(server: TestServer): Promise<Content> {
  const ds = server.dataSource;
  const category = await createCategory(ds);
  const content: Content = { authors: [], articlesAndAuthors: [], comments: [] };
  for (let i = 0; i < MANY; i++) {
    const author = await createAuthor(ds);
    content.authors.push(author);
    const article = await createArticle(ds, { author, category });
    const comment = await createComment(ds, { article });
    content.articlesAndAuthors.push(encodeGlobalId("Article", article.id), encodeGlobalId("Author", author.id));
    content.comments.push(encodeGlobalId("Comment", comment.id));
  }
  return content;
}

/**
 * The content, and for each of its authors an account that published an
 * article of theirs (its first revision); an editor and an admin to read
 * revisions and accounts.
 */
async function seed(server: TestServer): Promise<Fixture> {
  const ds = server.dataSource;
  const category = await createCategory(ds);
  const fixture: Fixture = {
    ...(await seedContent(server)),
    revisions: [],
    editor: await signIn(server, await createUser(ds, Role.EDITOR)),
    admin: await signIn(server, await createUser(ds, Role.ADMIN)),
  };
  for (const [i, author] of fixture.authors.entries()) {
    const writer = await signIn(server, await createUser(ds, Role.AUTHOR, author));
    const input = { title: `Draft ${i}`, body: "A few words.", categoryId: encodeGlobalId("Category", category.id) };
    const { createArticle: created } = await server.data(
      `mutation($input: CreateArticleInput!) { createArticle(input: $input) { article { id version } } }`,
      { input },
      writer,
    );
    // Publishing saves the first revision, by whoever publishes.
    const { id, version } = created.article;
    await server.data(`mutation($id: ID!, $version: Int!) { publishArticle(id: $id, version: $version) { article { id } } }`, { id, version }, writer);
    const { article: withRevisions } = await server.data(
      `query($id: ID!) { article(id: $id) { revisions(first: 1) { nodes { id } } } }`,
      { id },
      fixture.editor,
    );
    fixture.revisions.push(withRevisions.revisions.nodes[0].id);
  }
  return fixture;
}

describeEachDatabase(
  "batching of objects fetched by id",
  (server) => {
    let fixture: Fixture;
    before(async () => {
      fixture = await seed(server());
    });

    /** Statements sent for `ids`'s first two, then for all of them: batched loaders send as many for both. */
    const nodesCost = async (ids: string[], headers: Record<string, string> = {}) => {
      const two = await server().countQueries(NODES, { ids: ids.slice(0, 2) }, headers);
      const all = await server().countQueries(NODES, { ids }, headers);
      return { two, all };
    };

    test("nodes over many articles and authors takes one statement per type, however many ids", async () => {
      const ids = fixture.articlesAndAuthors;
      const { two, all } = await nodesCost(ids);
      assert.equal(all, two);
      assert.equal(all, 2);
      const { nodes } = await server().data(NODES, { ids });
      assert.deepEqual(
        nodes.map((node: { id: string }) => node.id),
        ids,
      );
    });

    test("node, asked once per id in one request, batches as nodes does", async () => {
      const ids = fixture.articlesAndAuthors;
      assert.equal(await server().countQueries(aliasedNodes(ids)), await server().countQueries(aliasedNodes(ids.slice(0, 2))));
      assert.equal(await server().countQueries(aliasedNodes(ids)), 2);
    });

    test("comments' articles take one statement for all the comments", async () => {
      const { two, all } = await nodesCost(fixture.comments);
      assert.equal(all, two);
      // The comments, then their articles.
      assert.equal(all, 2);
      const { nodes } = await server().data(NODES, { ids: fixture.comments });
      for (const node of nodes) assert.match(node.article.title, /^Article /);
    });

    test("revisions' savedBy reads the accounts once, then their bylines once, however many revisions", async () => {
      const { two, all } = await nodesCost(fixture.revisions, fixture.editor);
      assert.equal(all, two);
      const { nodes } = await server().data(NODES, { ids: fixture.revisions }, fixture.editor);
      assert.equal(new Set(nodes.map((node: { savedBy: { name: string } }) => node.savedBy.name)).size, MANY);
    });

    test("accounts' bylines take one statement for the whole page of accounts", async () => {
      const few = await server().countQueries(USERS, { first: 3 }, fixture.admin);
      const all = await server().countQueries(USERS, { first: 100 }, fixture.admin);
      assert.equal(all, few);
      const { users } = await server().data(USERS, { first: 100 }, fixture.admin);
      assert.equal(users.nodes.filter((user: { author: unknown }) => user.author !== null).length, MANY);
    });
  },
  QUIET,
);

describeEachDatabase(
  "batching in the default configuration (no LOADER_BATCHING set)",
  (server) => {
    let content: Content;
    before(async () => {
      content = await seedContent(server());
    });

    test("nodes over many articles and authors takes one statement per type", async () => {
      assert.equal(await server().countQueries(NODES, { ids: content.articlesAndAuthors }), 2);
    });
  },
  () => ({ ...QUIET, loaderOptions: serverOptionsFrom(loadConfig({})).loaderOptions }),
);
