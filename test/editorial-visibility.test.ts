import assert from "node:assert/strict";
import { before, test } from "node:test";
import { ArticleStatus } from "../src/modules/article/article-status";
import { Category } from "../src/modules/directory/category/category.entity";
import { encodeGlobalId } from "../src/shared/global-id";
import { Role } from "../src/modules/user/role";
import { User } from "../src/modules/user/user.entity";
import { createArticle, createAuthor, createCategory } from "./factories/content";
import { createUser, signIn } from "./factories/users";
import { describeEachDatabase } from "./helpers/each-database";
import { readPages } from "./helpers/paging";

type Who = "reader" | "contributor" | "author" | "editor" | "admin";
const WHO: Who[] = ["reader", "contributor", "author", "editor", "admin"];
const STATUSES = Object.values(ArticleStatus);

const FEED = `query($status: ArticleStatus, $section: String, $first: Int, $after: String) {
  articles(first: $first, after: $after, filter: { status: $status, categorySlug: $section }) {
    totalCount pageInfo { hasNextPage endCursor } nodes { title status }
  }
}`;

/**
 * What `articles(filter: { status })` lists for each viewer: editors every
 * article in the status, authors and contributors their own, readers only
 * PUBLISHED (anything else is FORBIDDEN).
 */
function expectedTitles(who: Who, status: ArticleStatus): string[] | "FORBIDDEN" {
  if (status === ArticleStatus.PUBLISHED)
    return WHO.filter((w) => w !== "reader")
      .map((w) => `${w} ${status}`)
      .concat("stranger PUBLISHED")
      .sort();
  if (who === "reader") return "FORBIDDEN";
  if (who === "editor" || who === "admin")
    return WHO.filter((w) => w !== "reader")
      .map((w) => `${w} ${status}`)
      .concat(`stranger ${status}`)
      .sort();
  return [`${who} ${status}`];
}

describeEachDatabase("who sees which articles and accounts", (server) => {
  let section: Category;
  const headers = new Map<Who, Record<string, string>>();
  const users = new Map<Who, User>();

  before(async () => {
    const ds = server().dataSource;
    section = await createCategory(ds, { slug: "visibility" });
    headers.set("reader", {});
    const stranger = await createAuthor(ds);
    // Scheduled ones are due tomorrow: a past time would let the server's scheduler publish them mid-suite.
    const publishedAt = (status: ArticleStatus) =>
      status === ArticleStatus.DRAFT ? null : new Date(Date.now() + (status === ArticleStatus.SCHEDULED ? 86_400_000 : 0));
    for (const status of STATUSES) {
      await createArticle(ds, { author: stranger, category: section, status, title: `stranger ${status}`, publishedAt: publishedAt(status) });
    }
    for (const [who, role] of [
      ["contributor", Role.CONTRIBUTOR],
      ["author", Role.AUTHOR],
      ["editor", Role.EDITOR],
      ["admin", Role.ADMIN],
    ] as const) {
      const byline = await createAuthor(ds);
      const user = await createUser(ds, role, byline);
      users.set(who, user);
      headers.set(who, await signIn(server(), user));
      for (const status of STATUSES) {
        await createArticle(ds, { author: byline, category: section, status, title: `${who} ${status}`, publishedAt: publishedAt(status) });
      }
    }
  });

  test("filter.status: editors list every article in a status, authors and contributors their own, readers only published ones", async () => {
    for (const who of WHO) {
      for (const status of STATUSES) {
        const response = await server().graphql(FEED, { status, section: "visibility", first: 100 }, headers.get(who));
        const expected = expectedTitles(who, status);
        const label = `${who} asking for ${status}`;
        if (expected === "FORBIDDEN") {
          assert.equal(response.body.errors?.[0].extensions?.code, "FORBIDDEN", label);
          assert.equal(response.body.errors?.[0].extensions?.field, "filter.status", label);
          assert.equal(response.body.data, null, label);
          continue;
        }
        assert.equal(response.body.errors, undefined, label);
        const { nodes, totalCount } = response.body.data.articles;
        assert.deepEqual(nodes.map((n: any) => n.title).sort(), expected, label);
        assert.ok(
          nodes.every((n: any) => n.status === status),
          label,
        );
        assert.equal(totalCount, expected.length, label);
      }
    }
  });

  test("drafts page by their last change with cursors of their own, which the published feed refuses", async () => {
    const editor = headers.get("editor");
    const pages = await readPages(
      async (args) => (await server().data(FEED, { status: "DRAFT", section: "visibility", ...args }, editor)).articles,
      2,
      "forwards",
    );
    const titles = pages.flatMap((page) => page.nodes.map((n: any) => n.title));
    assert.equal(titles.length, 5);
    assert.equal(new Set(titles).size, 5, "no draft twice, none skipped");
    const draftCursor = pages.at(-2)!.pageInfo.endCursor;
    const reused = await server().graphql(FEED, { section: "visibility", after: draftCursor });
    assert.equal(reused.body.errors?.[0].extensions?.code, "BAD_USER_INPUT", "a draft cursor is not a position in the published feed");
    const asReader = await server().graphql(FEED, { status: "DRAFT", section: "visibility", after: draftCursor });
    assert.equal(asReader.body.errors?.[0].extensions?.code, "FORBIDDEN");
  });

  test("node(id) shows an account only to the user themself and to admins; readers never get one, nor an email", async () => {
    const NODE = `query($id: ID!) { node(id: $id) { id ... on User { email role } } }`;
    const NODES = `query($ids: [ID!]!) { nodes(ids: $ids) { id } }`;
    const author = users.get("author")!;
    const id = encodeGlobalId("User", author.id);
    assert.deepEqual((await server().data(NODE, { id }, headers.get("author"))).node, { id, email: author.email, role: "AUTHOR" });
    assert.deepEqual((await server().data(NODE, { id }, headers.get("admin"))).node, { id, email: author.email, role: "AUTHOR" });
    for (const who of ["reader", "contributor", "editor"] as const) {
      const response = await server().graphql(NODE, { id }, headers.get(who));
      assert.equal(response.body.errors, undefined, who);
      assert.equal(response.body.data.node, null, who);
      assert.doesNotMatch(JSON.stringify(response.body), /@example\.com/, who);
    }
    const everyone = [...users.values()].map((user) => encodeGlobalId("User", user.id));
    assert.deepEqual(
      (await server().data(NODES, { ids: everyone })).nodes,
      everyone.map(() => null),
    );
    assert.equal((await server().data(NODES, { ids: everyone }, headers.get("admin"))).nodes.filter(Boolean).length, everyone.length);
    const viewerId = (await server().data(`{ viewer { id } }`, {}, headers.get("editor"))).viewer.id;
    assert.deepEqual((await server().data(NODE, { id: viewerId }, headers.get("editor"))).node.id, viewerId, "viewer.id fetches back through node");
    assert.equal((await server().data(NODE, { id: encodeGlobalId("User", 999_999) }, headers.get("admin"))).node, null);
  });
});
