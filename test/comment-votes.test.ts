import assert from "node:assert/strict";
import { before, test } from "node:test";
import { Article } from "../src/modules/article/article.entity";
import { CommentStatus } from "../src/modules/comment/comment-status";
import { Comment } from "../src/modules/comment/comment.entity";
import { CommentVote } from "../src/modules/comment/voting/comment-vote.entity";
import { ArticleStatus } from "../src/modules/article/article-status";
import { Role } from "../src/modules/user/role";
import { encodeGlobalId } from "../src/shared/global-id";
import { createArticle, createAuthor, createCategory, createComment } from "./factories/content";
import { createUser, signIn } from "./factories/users";
import { describeEachDatabase } from "./helpers/each-database";
import { readPages } from "./helpers/paging";
import { TestServer } from "./helpers/test-server";

const VOTE = `mutation($input: VoteCommentInput!) { voteComment(input: $input) { vote comment { id upvotes downvotes } } }`;

const THREAD = `
  query Thread($slug: String!, $orderBy: CommentOrder, $first: Int, $after: String, $last: Int, $before: String) {
    article(slug: $slug) {
      comments(orderBy: $orderBy, first: $first, after: $after, last: $last, before: $before) {
        edges { cursor node { id upvotes downvotes } }
        pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      }
    }
  }`;

interface ThreadPage {
  edges: { cursor: string; node: { id: string; upvotes: number; downvotes: number } }[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
}

const idOf = (comment: Comment) => encodeGlobalId("Comment", comment.id);

/** A reader key as a client would make one: 16 to 128 letters, digits, '-' or '_'. */
const readerKey = (name: string) => `reader-${name}-0123456789abcdef`;

const generous = { limit: 10_000, windowMs: 60_000 };

function voteOn(server: TestServer, comment: Comment, value: "UP" | "DOWN" | null, key: string, headers: Record<string, string> = {}) {
  return server.data(VOTE, { input: { commentId: idOf(comment), value, readerKey: key } }, headers);
}

/** Every `up` and `down` vote of its own reader on `comment`, all at once, as readers across a site would. */
async function castVotes(server: TestServer, comment: Comment, up: number, down: number): Promise<void> {
  const values = [...Array<"UP">(up).fill("UP"), ...Array<"DOWN">(down).fill("DOWN")];
  await Promise.all(values.map((value, index) => voteOn(server, comment, value, readerKey(`${comment.id}-${index}`))));
}

describeEachDatabase(
  "voting on comments",
  (server) => {
    let article: Article;
    let comment: Comment;

    before(async () => {
      const ds = server().dataSource;
      article = await createArticle(ds, { author: await createAuthor(ds), category: await createCategory(ds) });
      comment = await createComment(ds, { article });
    });

    const counts = async (target: Comment) => {
      const { node } = await server().data(`query($id: ID!) { node(id: $id) { ... on Comment { upvotes downvotes } } }`, { id: idOf(target) });
      return node;
    };

    test("counts a reader's vote once however often it is sent, and replaces it when they change their mind", async () => {
      const ada = readerKey("ada");
      assert.deepEqual(await voteOn(server(), comment, "UP", ada), { voteComment: { vote: "UP", comment: { id: idOf(comment), upvotes: 1, downvotes: 0 } } });
      // Retries, some of them at the same moment: the vote is set, not added.
      await Promise.all([1, 2, 3, 4, 5].map(() => voteOn(server(), comment, "UP", ada)));
      assert.deepEqual(await counts(comment), { upvotes: 1, downvotes: 0 });

      assert.deepEqual((await voteOn(server(), comment, "DOWN", ada)).voteComment, { vote: "DOWN", comment: { id: idOf(comment), upvotes: 0, downvotes: 1 } });
      await voteOn(server(), comment, "UP", readerKey("bob"));
      assert.deepEqual(await counts(comment), { upvotes: 1, downvotes: 1 });

      assert.deepEqual((await voteOn(server(), comment, null, ada)).voteComment, { vote: null, comment: { id: idOf(comment), upvotes: 1, downvotes: 0 } });
      assert.deepEqual((await voteOn(server(), comment, null, ada)).voteComment.comment, { id: idOf(comment), upvotes: 1, downvotes: 0 });
      assert.equal(await server().dataSource.getRepository(CommentVote).countBy({ commentId: comment.id }), 1);
    });

    test("starts a new comment with no votes", async () => {
      const { addComment } = await server().data(
        `mutation($input: AddCommentInput!) { addComment(input: $input) { comment { upvotes downvotes viewerVote(readerKey: "${readerKey("ada")}") } } }`,
        { input: { articleId: encodeGlobalId("Article", article.id), authorName: "Ada", authorEmail: "ada@example.com", body: "First!" } },
      );
      assert.deepEqual(addComment.comment, { upvotes: 0, downvotes: 0, viewerVote: null });
    });

    test("counts every one of many readers voting on one comment at the same moment", async () => {
      const busy = await createComment(server().dataSource, { article });
      await castVotes(server(), busy, 15, 5);
      assert.deepEqual(await counts(busy), { upvotes: 15, downvotes: 5 });
    });

    test("shows each reader their own vote as viewerVote, and nobody's to a request that names no reader", async () => {
      const own = await createComment(server().dataSource, { article });
      await voteOn(server(), own, "DOWN", readerKey("carol"));
      const viewerVote = async (key: string | null) =>
        (
          await server().data(`query($id: ID!, $key: String) { node(id: $id) { ... on Comment { viewerVote(readerKey: $key) } } }`, {
            id: idOf(own),
            key,
          })
        ).node.viewerVote;
      assert.equal(await viewerVote(readerKey("carol")), "DOWN");
      assert.equal(await viewerVote(readerKey("dave")), null);
      assert.equal(await viewerVote(null), null);
    });

    test("lets a signed-in user vote as themselves, whatever readerKey their devices send", async () => {
      const ds = server().dataSource;
      const signedIn = await signIn(server(), await createUser(ds, Role.AUTHOR));
      const theirs = await createComment(ds, { article });
      await voteOn(server(), theirs, "UP", readerKey("phone"), signedIn);
      const again = await voteOn(server(), theirs, "UP", readerKey("laptop"), signedIn);
      assert.deepEqual(again.voteComment.comment, { id: idOf(theirs), upvotes: 1, downvotes: 0 });
      const { node } = await server().data(`query($id: ID!) { node(id: $id) { ... on Comment { viewerVote } } }`, { id: idOf(theirs) }, signedIn);
      assert.equal(node.viewerVote, "UP");
    });

    test("refuses hostile or malformed input with BAD_USER_INPUT naming the field, storing nothing", async () => {
      const ds = server().dataSource;
      const pending = await createComment(ds, { article, status: CommentStatus.PENDING });
      const draft = await createArticle(ds, {
        author: await createAuthor(ds),
        category: await createCategory(ds),
        status: ArticleStatus.DRAFT,
        publishedAt: null,
      });
      const onDraft = await createComment(ds, { article: draft });
      const before = await ds.getRepository(CommentVote).count();
      const refusals: [Record<string, unknown>, string][] = [
        [{ readerKey: "short" }, "input.readerKey"],
        [{ readerKey: "has spaces in it, quite a few" }, "input.readerKey"],
        [{ readerKey: "x".repeat(129) }, "input.readerKey"],
        [{ readerKey: "nul\u0000byte-0123456789abcdef" }, "input.readerKey"],
        [{ readerKey: "'; DROP TABLE comment_vote; --" }, "input.readerKey"],
        [{ commentId: encodeGlobalId("Article", article.id) }, "input.commentId"],
        [{ commentId: "not an id" }, "input.commentId"],
        [{ commentId: idOf(pending) }, "input.commentId"],
        [{ commentId: idOf(onDraft) }, "input.commentId"],
        [{ commentId: encodeGlobalId("Comment", 999_999) }, "input.commentId"],
      ];
      for (const [change, field] of refusals) {
        const input = { commentId: idOf(comment), value: "UP", readerKey: readerKey("eve"), ...change };
        const answer = await server().graphql(VOTE, { input });
        assert.equal(answer.status, 200, JSON.stringify(change));
        assert.equal(answer.body.errors?.[0].extensions?.code, "BAD_USER_INPUT", JSON.stringify(change));
        assert.equal(answer.body.errors?.[0].extensions?.field, field, JSON.stringify(change));
      }
      const read = await server().graphql(`query($id: ID!) { node(id: $id) { ... on Comment { viewerVote(readerKey: "no good") } } }`, { id: idOf(comment) });
      assert.equal(read.body.errors?.[0].extensions?.code, "BAD_USER_INPUT");
      assert.equal(read.body.errors?.[0].extensions?.field, "readerKey");
      assert.equal(await ds.getRepository(CommentVote).count(), before);
    });

    test("never lets a shared cache keep an answer that names a reader", async () => {
      const query = (key: string) => `{ node(id: "${idOf(comment)}") { ... on Comment { upvotes viewerVote(readerKey: "${key}") } } }`;
      const named = await server().graphql(query(readerKey("frank")));
      assert.equal(named.headers.get("cache-control"), "private, no-store");
      const anonymous = await server().graphql(`{ node(id: "${idOf(comment)}") { ... on Comment { upvotes } } }`);
      assert.match(anonymous.headers.get("cache-control") ?? "", /^public/);
    });

    test("reads viewerVote, upvotes and downvotes of a 20-comment page with one statement more than the page alone", async () => {
      const ds = server().dataSource;
      const page = await createArticle(ds, { author: await createAuthor(ds), category: await createCategory(ds) });
      const comments: Comment[] = [];
      for (let i = 0; i < 20; i++) comments.push(await createComment(ds, { article: page }));
      const grace = readerKey("grace");
      await voteOn(server(), comments[3], "UP", grace);
      await voteOn(server(), comments[7], "DOWN", grace);
      const ALONE = `query($slug: String!) { article(slug: $slug) { comments(first: 20) { nodes { id body } } } }`;
      const WITH_VOTES = `query($slug: String!, $key: String) {
        article(slug: $slug) { comments(first: 20) { nodes { id body upvotes downvotes viewerVote(readerKey: $key) } } }
      }`;
      const alone = await server().countQueries(ALONE, { slug: page.slug });
      const withVotes = await server().countQueries(WITH_VOTES, { slug: page.slug, key: grace });
      assert.ok(withVotes - alone <= 1, `${withVotes} statements with votes, ${alone} without`);
      const { article: shown } = await server().data(WITH_VOTES, { slug: page.slug, key: grace });
      assert.equal(shown.comments.nodes.length, 20);
      const votes = shown.comments.nodes.map((node: { viewerVote: string | null }) => node.viewerVote);
      assert.deepEqual(
        votes,
        comments.map((_, index) => (index === 3 ? "UP" : index === 7 ? "DOWN" : null)),
      );
      assert.deepEqual(
        shown.comments.nodes.map((node: { upvotes: number; downvotes: number }) => node.upvotes - node.downvotes),
        comments.map((_, index) => (index === 3 ? 1 : index === 7 ? -1 : 0)),
      );
    });
  },
  { comments: { settings: { voteRateLimit: generous } } },
);

describeEachDatabase(
  "the BEST and TOP orders",
  (server) => {
    let article: Article;
    /** Seeded in this order (ids ascending), each with its [up, down] votes. */
    const votes: Record<string, [number, number]> = {
      a: [9, 1],
      b: [2, 0],
      c: [10, 0],
      d: [0, 0],
      e: [0, 3],
      f: [3, 3],
      g: [1, 0],
      h: [3, 1],
      i: [3, 1],
      j: [0, 0],
    };
    const seeded: Record<string, Comment> = {};
    const labelOf = new Map<string, string>();

    const thread = async (orderBy: string, args: Record<string, unknown>): Promise<ThreadPage> =>
      (await server().data(THREAD, { slug: article.slug, orderBy, ...args })).article.comments;
    const labels = (pages: ThreadPage[]) => pages.flatMap((page) => page.edges.map((edge) => labelOf.get(edge.node.id)));

    before(async () => {
      const ds = server().dataSource;
      article = await createArticle(ds, { author: await createAuthor(ds), category: await createCategory(ds) });
      for (const label of Object.keys(votes)) {
        seeded[label] = await createComment(ds, { article });
        labelOf.set(idOf(seeded[label]), label);
      }
      // A reply is never in the thread's top level, whatever its votes.
      const reply = await createComment(ds, { article, parent: seeded.a });
      await Promise.all([
        ...Object.entries(votes).map(([label, [up, down]]) => castVotes(server(), seeded[label], up, down)),
        castVotes(server(), reply, 20, 0),
      ]);
    });

    // Wilson lower bounds (95%): c 10/0 .722, a 9/1 .596, b 2/0 .342, h = i 3/1 .301, g 1/0 .207, f 3/3 .188, d = e = j 0.
    const BEST = ["c", "a", "b", "i", "h", "g", "f", "j", "e", "d"];
    // upvotes - downvotes: c 10, a 8, b = h = i 2, g 1, d = f = j 0, e -3; ties by id, the latest first.
    const TOP = ["c", "a", "i", "h", "b", "g", "j", "f", "d", "e"];

    test("ranks BEST by the Wilson lower bound, so that few votes rank below many mostly UP, ties latest first", async () => {
      const page = await thread("BEST", { first: 20 });
      assert.deepEqual(labels([page]), BEST);
      for (const { node } of page.edges) {
        assert.deepEqual([node.upvotes, node.downvotes], votes[labelOf.get(node.id)!]);
      }
    });

    test("ranks TOP by upvotes - downvotes, ties latest first", async () => {
      assert.deepEqual(labels([await thread("TOP", { first: 20 })]), TOP);
    });

    test("pages BEST and TOP forwards and backwards, three at a time, without gaps or duplicates", async () => {
      for (const [orderBy, expected] of [
        ["BEST", BEST],
        ["TOP", TOP],
      ] as const) {
        assert.deepEqual(labels(await readPages((args) => thread(orderBy, args), 3, "forwards")), expected, `${orderBy} forwards`);
        assert.deepEqual(labels(await readPages((args) => thread(orderBy, args), 3, "backwards")), expected, `${orderBy} backwards`);
        const first = await thread(orderBy, { first: 4 });
        const middle = await thread(orderBy, { first: 3, after: first.pageInfo.endCursor });
        assert.deepEqual(labels([middle]), expected.slice(4, 7));
        const back = await thread(orderBy, { last: 2, before: middle.pageInfo.startCursor });
        assert.deepEqual(labels([back]), expected.slice(2, 4));
        assert.deepEqual([back.pageInfo.hasPreviousPage, back.pageInfo.hasNextPage], [true, true]);
      }
    });

    test("refuses a cursor of another order with BAD_USER_INPUT", async () => {
      const best = await thread("BEST", { first: 2 });
      const newest = await server().data(THREAD, { slug: article.slug, orderBy: "NEWEST", first: 2 });
      for (const [orderBy, cursor] of [
        ["TOP", best.pageInfo.endCursor],
        ["OLDEST", best.pageInfo.endCursor],
        ["BEST", newest.article.comments.pageInfo.endCursor],
      ]) {
        const answer = await server().graphql(THREAD, { slug: article.slug, orderBy, first: 2, after: cursor });
        assert.equal(answer.body.errors?.[0].extensions?.code, "BAD_USER_INPUT", `${orderBy} with another order's cursor`);
        assert.equal(answer.body.errors?.[0].extensions?.field, "after");
      }
    });

    test("moves a comment in BEST and TOP as votes come and go, and back when they are withdrawn", async () => {
      const keys = [1, 2, 3].map((n) => readerKey(`mover-${n}`));
      await Promise.all(keys.map((key) => voteOn(server(), seeded.d, "UP", key)));
      // d at 3/0: Wilson .438, between c and a's .596 and b's .342; net 3, above the ties at 2.
      assert.deepEqual(labels([await thread("BEST", { first: 20 })]), ["c", "a", "d", "b", "i", "h", "g", "f", "j", "e"]);
      assert.deepEqual(labels([await thread("TOP", { first: 20 })]), ["c", "a", "d", "i", "h", "b", "g", "j", "f", "e"]);
      await Promise.all(keys.map((key) => voteOn(server(), seeded.d, null, key)));
      assert.deepEqual(labels([await thread("BEST", { first: 20 })]), BEST);
      assert.deepEqual(labels([await thread("TOP", { first: 20 })]), TOP);
    });

    test("keeps OLDEST and NEWEST as they were", async () => {
      const oldest = Object.keys(votes);
      assert.deepEqual(labels([await thread("OLDEST", { first: 20 })]), oldest);
      assert.deepEqual(labels([await thread("NEWEST", { first: 20 })]), [...oldest].reverse());
    });
  },
  { comments: { settings: { voteRateLimit: generous } } },
);

describeEachDatabase(
  "vote flood control",
  (server) => {
    test("counts every vote as an attempt: past COMMENT_VOTE_RATE_LIMIT it is RATE_LIMITED with retryAfter, and not counted", async () => {
      const ds = server().dataSource;
      const article = await createArticle(ds, { author: await createAuthor(ds), category: await createCategory(ds) });
      const comment = await createComment(ds, { article });
      for (let i = 0; i < 3; i++) await voteOn(server(), comment, "UP", readerKey(`flood-${i}`));
      const refused = await server().graphql(VOTE, { input: { commentId: idOf(comment), value: "UP", readerKey: readerKey("flood-3") } });
      assert.equal(refused.body.errors?.[0].extensions?.code, "RATE_LIMITED");
      const retryAfter = refused.body.errors?.[0].extensions?.retryAfter;
      assert.ok(retryAfter >= 1 && retryAfter <= 60, `retryAfter ${retryAfter}`);
      const { node } = await server().data(`query($id: ID!) { node(id: $id) { ... on Comment { upvotes } } }`, { id: idOf(comment) });
      assert.equal(node.upvotes, 3);
    });
  },
  { comments: { settings: { voteRateLimit: { limit: 3, windowMs: 60_000 } } } },
);
