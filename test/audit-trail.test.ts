import assert from "node:assert/strict";
import { before, test } from "node:test";
import { encodeGlobalId } from "../src/shared/global-id";
import { Role } from "../src/modules/user/role";
import { User } from "../src/modules/user/user.entity";
import { createArticle, createAuthor, createCategory } from "./factories/content";
import { PASSWORD, createUser, signIn } from "./factories/users";
import { describeEachDatabase } from "./helpers/each-database";
import { readAllPages } from "./helpers/paging";

const EVENTS = `query($first: Int, $after: String, $filter: AuditEventFilter) {
  auditEvents(first: $first, after: $after, filter: $filter) {
    totalCount
    pageInfo { hasNextPage endCursor }
    nodes { action objectType objectId detail at actor { id email role } }
  }
}`;

interface Event {
  action: string;
  objectType: string;
  objectId: string;
  detail: string | null;
  at: string;
  actor: { id: string; email: string; role: string } | null;
}

describeEachDatabase(
  "the audit trail",
  (server) => {
    let admin: Record<string, string>;
    let editor: Record<string, string>;
    let editorUser: User;
    let adminUser: User;

    before(async () => {
      const ds = server().dataSource;
      adminUser = await createUser(ds, Role.ADMIN);
      editorUser = await createUser(ds, Role.EDITOR, await createAuthor(ds));
      admin = await signIn(server(), adminUser);
      editor = await signIn(server(), editorUser);
    });

    const events = async (filter: Record<string, unknown> = {}, first = 100): Promise<Event[]> =>
      (await server().data(EVENTS, { first, filter }, admin)).auditEvents.nodes;

    test("every signed-in mutation records who did what to which object", async () => {
      const ds = server().dataSource;
      const section = encodeGlobalId("Category", (await createCategory(ds)).id);
      const as =
        (headers: Record<string, string>) =>
        (query: string, variables: Record<string, unknown> = {}) =>
          server().data(query, variables, headers);
      const ed = as(editor);
      const article = (
        await ed(`mutation($s: ID!) { createArticle(input: { title: "Audited", body: "Words.", categoryId: $s }) { article { id } } }`, { s: section })
      ).createArticle.article.id;
      const other = (
        await ed(`mutation($s: ID!) { createArticle(input: { title: "Other", body: "Words.", categoryId: $s }) { article { id } } }`, { s: section })
      ).createArticle.article.id;
      await ed(`mutation($id: ID!) { updateArticle(input: { id: $id, version: 1, subtitle: "S" }) { article { id } } }`, { id: article });
      await ed(`mutation($id: ID!) { scheduleArticle(id: $id, version: 2, publishAt: "2100-01-01T00:00:00Z") { article { id } } }`, { id: article });
      await ed(`mutation($id: ID!) { publishArticle(id: $id, version: 3) { article { id } } }`, { id: article });
      await ed(`mutation($id: ID!, $p: ID!) { pinKeepReading(articleId: $id, pickId: $p) { article { id } } }`, { id: article, p: other });
      await ed(`mutation($id: ID!) { archiveArticle(id: $id, version: 5) { article { id } } }`, { id: article });
      await ed(`mutation($id: ID!) { unpublishArticle(id: $id, version: 6) { article { id } } }`, { id: article });
      await ed(`mutation($id: ID!) { deleteArticle(id: $id) }`, { id: other });
      const comment = (
        await server().data(
          `mutation($id: ID!) { addComment(input: { articleId: $id, authorName: "G", authorEmail: "g@example.com", body: "Hi" }) { comment { id } } }`,
          {
            id: encodeGlobalId("Article", (await createArticle(ds, { author: await createAuthor(ds), category: await createCategory(ds) })).id),
          },
        )
      ).addComment.comment.id;
      await ed(`mutation($id: ID!) { moderateComment(id: $id, status: APPROVED) { id } }`, { id: comment });
      const tag = (await ed(`mutation { createTag(input: { name: "Audit tag" }) { tag { id } } }`)).createTag.tag.id;
      await ed(`mutation($id: ID!) { updateTag(input: { id: $id, version: 1, name: "Renamed" }) { tag { id } } }`, { id: tag });
      await ed(`mutation($id: ID!) { deleteTag(input: { id: $id }) { deletedId } }`, { id: tag });
      const ad = as(admin);
      const user = (await ad(`mutation { createUser(input: { email: "audited@example.com", password: "${PASSWORD}", role: AUTHOR }) { user { id } } }`))
        .createUser.user.id;
      await ad(`mutation($id: ID!) { updateUser(input: { id: $id, version: 1, role: EDITOR }) { user { id } } }`, { id: user });
      await ad(`mutation($id: ID!) { resetUserPassword(input: { id: $id, password: "another long passphrase" }) { user { id } } }`, { id: user });
      await ad(`mutation($id: ID!) { deleteUser(id: $id) }`, { id: user });

      const trail = (await events({}, 100)).map((event) => [event.actor?.email ?? null, event.action, event.objectId]);
      const expected: [User, string, string][] = [
        [editorUser, "createArticle", article],
        [editorUser, "createArticle", other],
        [editorUser, "updateArticle", article],
        [editorUser, "scheduleArticle", article],
        [editorUser, "publishArticle", article],
        [editorUser, "pinKeepReading", article],
        [editorUser, "archiveArticle", article],
        [editorUser, "unpublishArticle", article],
        [editorUser, "deleteArticle", other],
        [editorUser, "moderateComment", comment],
        [editorUser, "createTag", tag],
        [editorUser, "updateTag", tag],
        [editorUser, "deleteTag", tag],
        [adminUser, "createUser", user],
        [adminUser, "updateUser", user],
        [adminUser, "resetUserPassword", user],
        [adminUser, "deleteUser", user],
      ];
      const newestFirst = expected.map(([actor, action, object]) => [actor.email, action, object]).reverse();
      assert.deepEqual(trail.slice(0, newestFirst.length), newestFirst);
      const [roleChange] = await events({ action: "updateUser" });
      assert.equal(roleChange.detail, "role AUTHOR -> EDITOR");
      assert.deepEqual(roleChange.actor, { id: encodeGlobalId("User", adminUser.id), email: adminUser.email, role: "ADMIN" });
      const [logins] = [await events({ action: "login", actorId: encodeGlobalId("User", editorUser.id) })];
      assert.equal(logins.length, 1, "signing in is recorded too");
    });

    test("pages newest first with keyset cursors, and filters by actor, action, object and time", async () => {
      const all = await events();
      const read = async (args: Record<string, unknown>) => {
        const page = (await server().data(EVENTS, args, admin)).auditEvents;
        return { items: page.nodes as Event[], pageInfo: page.pageInfo };
      };
      const paged = await readAllPages(read, 3, "forwards");
      assert.deepEqual(paged, all, "no gaps, no duplicates");
      const times = all.map((event) => Date.parse(event.at));
      assert.deepEqual(
        times,
        [...times].sort((a, b) => b - a),
        "newest first",
      );

      const byEditor = await events({ actorId: encodeGlobalId("User", editorUser.id) });
      assert.ok(byEditor.length > 0 && byEditor.every((event) => event.actor?.email === editorUser.email));
      const creations = await events({ action: "createArticle" });
      assert.ok(creations.length >= 2 && creations.every((event) => event.action === "createArticle"));
      const article = creations[0].objectId;
      const history = await events({ objectId: article });
      assert.ok(history.length >= 1 && history.every((event) => event.objectId === article && event.objectType === "Article"));

      const middle = all[Math.floor(all.length / 2)].at;
      const since = await events({ since: middle });
      const until = await events({ until: middle });
      assert.equal(since.length + until.length, all.length, "since and until split the trail");
      assert.ok(since.every((event) => event.at >= middle) && until.every((event) => event.at < middle));
      const { totalCount } = (await server().data(EVENTS, { first: 1, filter: { action: "createArticle" } }, admin)).auditEvents;
      assert.equal(totalCount, creations.length);
    });

    test("is for admins only, and refuses bad cursors and filters by field", async () => {
      assert.equal((await server().graphql(EVENTS, {}, editor)).body.errors?.[0].extensions?.code, "FORBIDDEN");
      assert.equal((await server().graphql(EVENTS, {})).body.errors?.[0].extensions?.code, "UNAUTHENTICATED");
      const cases: [Record<string, unknown>, string][] = [
        [{ after: "garbage" }, "after"],
        [{ filter: { actorId: encodeGlobalId("Article", 1) } }, "filter.actorId"],
        [{ filter: { objectId: "garbage" } }, "filter.objectId"],
        [{ filter: { action: "x\u0000y" } }, "filter.action"],
      ];
      for (const [variables, field] of cases) {
        const response = await server().graphql(EVENTS, variables, admin);
        assert.equal(response.body.errors?.[0].extensions?.code, "BAD_USER_INPUT", field);
        assert.equal(response.body.errors?.[0].extensions?.field, field);
      }
    });
  },
  { comments: { settings: { moderation: "all" }, mail: { deliver: false } } },
);
