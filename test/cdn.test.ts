import assert from "node:assert/strict";
import { createServer, IncomingHttpHeaders, Server } from "node:http";
import { AddressInfo } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";
import { after, before, test } from "node:test";
import { cdnKey, MAX_KEYS_CHARS } from "../src/caching/cdn-tags";
import { CachingOptions, DEFAULT_CACHING } from "../src/config";
import { queryHash } from "../src/http/graphql-params";
import { Article } from "../src/modules/article/article.entity";
import { Author } from "../src/modules/directory/author/author.entity";
import { Category } from "../src/modules/directory/category/category.entity";
import { encodeGlobalId } from "../src/shared/global-id";
import { OutboxMessage } from "../src/outbox/outbox-message.entity";
import { Role } from "../src/modules/user/role";
import { ServerDeps } from "../src/server";
import { createArticle, createAuthor, createCategory } from "./factories/content";
import { createUser, signIn } from "./factories/users";
import { getGraphql } from "./helpers/caching";
import { describeEachDatabase } from "./helpers/each-database";

/** A local HTTP server standing in for the CDN's purge API: records each purge, or fails while `failing`. */
class FakeCdn {
  readonly purges: { keys: string[]; headers: IncomingHttpHeaders }[] = [];
  failing = false;
  private readonly server: Server = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk) => (body += chunk));
    request.on("end", () => {
      if (this.failing) return response.writeHead(503).end();
      this.purges.push({ keys: (JSON.parse(body) as { surrogate_keys: string[] }).surrogate_keys, headers: request.headers });
      response.writeHead(200, { "content-type": "application/json" }).end('{"status":"ok"}');
    });
  });

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, "127.0.0.1", resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/purge`;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  /** Waits until a purge with every key of `keys` arrived; the test's own timeout bounds the wait. */
  async purgeWith(keys: string[]): Promise<string[]> {
    for (;;) {
      const found = this.purges.find((purge) => keys.every((key) => purge.keys.includes(key)));
      if (found) return found.keys;
      await sleep(20);
    }
  }
}

const keysOf = (header: string | null) => (header ?? "").split(" ").filter(Boolean);

const cdn = new FakeCdn();
let purgeUrl: string;
before(async () => {
  purgeUrl = await cdn.start();
});
after(() => cdn.stop());

const caching = (): CachingOptions => ({
  ...DEFAULT_CACHING,
  responseCache: "memory",
  responseCacheTtlSeconds: 3600,
  cdnPurgeUrl: purgeUrl,
  cdnPurgeToken: "purge-secret",
});
const options = (): Partial<ServerDeps> => ({ caching: caching(), comments: { settings: { moderation: "all" } } });

describeEachDatabase(
  "CDN tags and purges",
  (server) => {
    let author: Author;
    let category: Category;
    let article: Article;
    let editor: Record<string, string>;
    const PAGE = `query Page($slug: String!) { article(slug: $slug) { title body author { name } } }`;
    const FEED = `query Feed { articles(first: 5) { nodes { slug commentCount } } }`;

    before(async () => {
      const ds = server().dataSource;
      author = await createAuthor(ds);
      category = await createCategory(ds);
      article = await createArticle(ds, { author, category });
      editor = await signIn(server(), await createUser(ds, Role.EDITOR, author));
    });

    test("a GET answer carries its tags as short keys in Surrogate-Key and Cache-Tag, the same on a hit", async () => {
      const miss = await getGraphql(server(), { query: PAGE, variables: { slug: article.slug } });
      const keys = keysOf(miss.headers.get("surrogate-key"));
      assert.deepEqual(keys.sort(), [cdnKey(`article:${article.id}`), cdnKey(`author:${author.id}`)].sort());
      assert.ok(keys.every((key) => /^[0-9a-f]{12}$/.test(key)));
      assert.equal(miss.headers.get("cache-tag"), miss.headers.get("surrogate-key")!.replaceAll(" ", ","));
      const hit = await getGraphql(server(), { query: PAGE, variables: { slug: article.slug } });
      assert.equal(hit.headers.get("x-cache"), "HIT");
      assert.equal(hit.headers.get("surrogate-key"), miss.headers.get("surrogate-key"));
      assert.equal(hit.headers.get("cache-control"), miss.headers.get("cache-control"));
    });

    test("max-age is the smallest the fields allow; s-maxage is long because purges reach the CDN", async () => {
      const page = await getGraphql(server(), { query: PAGE, variables: { slug: article.slug } });
      assert.equal(page.headers.get("cache-control"), "public, max-age=300, s-maxage=86400, stale-while-revalidate=30");
      const feed = await getGraphql(server(), { query: FEED });
      assert.equal(feed.headers.get("cache-control"), "public, max-age=10, s-maxage=86400, stale-while-revalidate=30");
      assert.ok(keysOf(feed.headers.get("surrogate-key")).includes(cdnKey("feed:front")));
    });

    test("an APQ sent by its hash carries the tags; a POST with the text, which no CDN caches, does not", async () => {
      const extensions = { persistedQuery: { version: 1, sha256Hash: queryHash(FEED) } };
      await server().graphql(FEED);
      const byText = await server().graphql(FEED);
      assert.match(byText.headers.get("cache-control") ?? "", /^public/);
      assert.equal(byText.headers.get("surrogate-key"), null);
      await fetch(`${server().baseUrl}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query: FEED, extensions }),
      });
      const response = await fetch(`${server().baseUrl}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ extensions }),
      });
      assert.ok(keysOf(response.headers.get("surrogate-key")).includes(cdnKey("feed:front")));
    });

    test("signed-in and preview requests are neither cached nor tagged", async () => {
      for (const headers of [editor, { "x-preview-token": "a-preview-token" }]) {
        const answer = await getGraphql(server(), { query: PAGE, variables: { slug: article.slug } }, headers);
        assert.equal(answer.headers.get("cache-control"), "private, no-store");
        assert.equal(answer.headers.get("surrogate-key"), null);
        assert.equal(answer.headers.get("cache-tag"), null);
      }
    });

    test("past the header bound, a kind's stand-in replaces its objects, and a write purges the stand-in too", async () => {
      const ds = server().dataSource;
      // 160 articles: their keys alone pass the bound.
      for (let i = 0; i < 160; i++) await createArticle(ds, { author, category });
      const query = `{ newest: articles(first: 100) { nodes { slug } } oldest: articles(first: 100, orderBy: OLDEST) { nodes { slug } } }`;
      const answer = await getGraphql(server(), { query });
      const header = answer.headers.get("surrogate-key")!;
      assert.ok(header.length <= MAX_KEYS_CHARS);
      const keys = keysOf(header);
      assert.ok(keys.includes(cdnKey("all:article")));
      assert.ok(keys.includes(cdnKey("feed:front")));
      assert.ok(!keys.includes(cdnKey(`article:${article.id}`)));
      // Sent as a POST, which no CDN keeps, the same answer still could be: its s-maxage stays.
      const posted = await server().graphql(query);
      assert.equal(posted.headers.get("cache-control"), "public, max-age=60, s-maxage=86400, stale-while-revalidate=30");
      assert.equal(posted.headers.get("surrogate-key"), null);

      await server().data(
        `mutation($id: ID!, $version: Int!) { updateArticle(input: { id: $id, version: $version, subtitle: "Now with a subtitle" }) { article { id } } }`,
        { id: encodeGlobalId("Article", article.id), version: article.version },
        editor,
      );
      await cdn.purgeWith([cdnKey(`article:${article.id}`), cdnKey("all:article")]);
    });

    test("an answer whose list tags alone pass the header bound is kept by no CDN, asked by GET or by POST", async () => {
      // 8 feeds of 20 tags each: 160 list tags, which no stand-in can stand for. Other tags for each
      // method, so that neither is answered from the response cache with what the other stored.
      const query = (prefix: string) => {
        const feeds = Array.from({ length: 8 }, (_, feed) => {
          const slugs = Array.from({ length: 20 }, (_, tag) => `"${prefix}-${feed}-${tag}"`).join(", ");
          return `f${feed}: articles(first: 1, filter: { tagSlugs: [${slugs}] }) { nodes { slug } }`;
        });
        return `{ ${feeds.join(" ")} }`;
      };
      for (const answer of [await getGraphql(server(), { query: query("got") }), await server().graphql(query("posted"))]) {
        assert.equal(answer.status, 200);
        assert.match(answer.headers.get("cache-control") ?? "", /^public, max-age=\d+, s-maxage=0,/);
        assert.equal(answer.headers.get("surrogate-key"), null);
        assert.equal(answer.headers.get("cache-tag"), null);
      }
    });

    test("each write's keys reach the CDN in one request, with the token", async () => {
      const { addComment } = await server().data(
        `mutation($id: ID!) { addComment(input: { articleId: $id, authorName: "Reader", authorEmail: "reader@example.com", body: "Sharp" }) { comment { id } } }`,
        { id: encodeGlobalId("Article", article.id) },
      );
      await server().data(`mutation($id: ID!) { moderateComment(id: $id, status: APPROVED) { status } }`, { id: addComment.comment.id }, editor);
      const keys = await cdn.purgeWith([cdnKey(`thread:${article.id}`)]);
      assert.deepEqual(
        [...keys].sort(),
        [`article:${article.id}`, `thread:${article.id}`, "feed:most-discussed", "missing", "all:article", "all:thread"].map(cdnKey).sort(),
      );
      const purge = cdn.purges.find((candidate) => candidate.keys.includes(cdnKey(`thread:${article.id}`)))!;
      assert.equal(purge.headers["surrogate-key"], keys.join(" "));
      assert.equal(purge.headers.authorization, "Bearer purge-secret");
      assert.equal(purge.headers["fastly-key"], "purge-secret");
    });

    test("a purge the CDN refused is retried, and survives a restart", { timeout: 60_000 }, async () => {
      cdn.failing = true;
      const renamed = `Desk ${Date.now()}`;
      await server().data(
        `mutation($id: ID!) { updateCategory(input: { id: $id, version: 1, name: "${renamed}" }) { category { name } } }`,
        { id: encodeGlobalId("Category", category.id) },
        editor,
      );
      const messages = server().dataSource.getRepository(OutboxMessage);
      const key = cdnKey(`section:${category.id}`);
      // The worker tried at once and the CDN refused: the purge waits in the outbox for its retry.
      let queued: OutboxMessage | undefined;
      while (!(queued = (await messages.findBy({ channel: "cdn-purge" })).find((row) => row.text.includes(key) && row.attempts > 0))) await sleep(20);
      assert.equal(queued.sentAt, null);
      assert.ok(queued.nextAttemptAt.getTime() > Date.now());

      // Another instance starts, the CDN is back, the retry falls due (moved rather than waited for), and any write wakes the worker.
      cdn.failing = false;
      const restarted = await server().sibling(options());
      try {
        await messages.update({ id: queued.id }, { nextAttemptAt: new Date(Date.now() - 1000) });
        await restarted.data(
          `mutation($id: ID!, $version: Int!) { updateArticle(input: { id: $id, version: $version, subtitle: "Again" }) { article { id } } }`,
          {
            id: encodeGlobalId("Article", article.id),
            version: (await server().dataSource.getRepository(Article).findOneByOrFail({ id: article.id })).version,
          },
          editor,
        );
        await cdn.purgeWith([key]);
      } finally {
        await restarted.stop();
      }
    });
  },
  options,
);
