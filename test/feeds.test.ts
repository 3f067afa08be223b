import assert from "node:assert/strict";
import { before, test } from "node:test";
import { parseFeed } from "@rowanmanning/feed-parser";
import { parseJsonFeed } from "feedsmith";
import { tags } from "../src/caching/cache-tags";
import { cdnKey } from "../src/caching/cdn-tags";
import { ArticleStatus } from "../src/modules/article/article-status";
import { Article } from "../src/modules/article/article.entity";
import { Author, Category, Tag } from "../src/modules/directory";
import { createArticle, createAuthor, createCategory, createTag } from "./factories/content";
import { Role } from "../src/modules/user/role";
import { encodeGlobalId } from "../src/shared/global-id";
import { createUser, signIn } from "./factories/users";
import { cachingFor } from "./helpers/caching";
import { describeEachDatabase } from "./helpers/each-database";

const SITE = "https://news.example";

describeEachDatabase(
  "RSS, Atom and JSON Feed of the front page, sections, authors and tags, and canonical URLs",
  (server) => {
    let climate: Category;
    let sport: Category;
    let ada: Author;
    let ben: Author;
    let ice: Tag;
    let heat: Tag;
    /** Climate's published articles, newest first. */
    const climateArticles: Article[] = [];
    let draft: Article;

    const get = (path: string, headers: Record<string, string> = {}) => fetch(`${server().baseUrl}${path}`, { headers });
    const text = async (path: string) => {
      const response = await get(path);
      assert.equal(response.status, 200, `${path}: ${response.status}`);
      return { response, body: await response.text() };
    };

    before(async () => {
      const ds = server().dataSource;
      climate = await createCategory(ds, { slug: "climate", name: "Climate", description: "The warming world." });
      sport = await createCategory(ds, { slug: "sport", name: "Sport" });
      ada = await createAuthor(ds, { slug: "ada-lovelace", name: "Ada Lovelace" });
      ben = await createAuthor(ds, { slug: "ben-okri", name: "Ben Okri" });
      ice = await createTag(ds, { slug: "ice", name: "Ice" });
      heat = await createTag(ds, { slug: "heat", name: "Heat" });
      for (let n = 0; n < 24; n++) {
        const article = await createArticle(ds, {
          author: n % 2 ? ben : ada,
          category: climate,
          tags: n % 3 ? [ice] : [ice, heat],
          title: `Glaciers & rivers, part ${n}`,
          publishedAt: new Date(Date.UTC(2026, 2, 1) + n * 60_000),
          ...(n === 23 ? { imageUrl: "https://img.example/glacier.jpg", imageAlt: "A glacier" } : {}),
        });
        climateArticles.unshift(article);
      }
      await createArticle(ds, { author: ben, category: sport, tags: [heat], title: "A hot final", publishedAt: new Date(Date.UTC(2026, 1, 1)) });
      draft = await createArticle(ds, { author: ada, category: climate, title: "Not yet", status: ArticleStatus.DRAFT, publishedAt: null });
    });

    test("gives every article, section, author and tag a canonical URL under PUBLIC_URL", async () => {
      const [newest] = climateArticles;
      const { article } = await server().data(`query($slug: String!) { article(slug: $slug) { url category { url } author { url } tags { url } } }`, {
        slug: newest.slug,
      });
      assert.deepEqual(article, {
        url: `${SITE}/climate/${newest.slug}`,
        category: { url: `${SITE}/climate` },
        author: { url: `${SITE}/author/ben-okri` },
        tags: [{ url: `${SITE}/tag/ice` }],
      });
    });

    test("reads an article's URL without a statement more, in lists and on an article page", async () => {
      const page = `query($slug: String!) { article(slug: $slug) { title category { name } } }`;
      const pageWithUrl = `query($slug: String!) { article(slug: $slug) { title url category { name } } }`;
      const slug = climateArticles[3].slug;
      assert.equal(await server().countQueries(pageWithUrl, { slug }), await server().countQueries(page, { slug }));
      assert.equal(await server().countQueries(`{ articles(first: 20) { nodes { title url } } }`), 1);
      const { articles } = await server().data(`{ articles(first: 2) { nodes { url } } }`);
      assert.deepEqual(
        articles.nodes.map((node: { url: string }) => node.url),
        climateArticles.slice(0, 2).map((article) => `${SITE}/climate/${article.slug}`),
      );
    });

    test("serves the front page as RSS 2.0 with content:encoded, dc:creator, categories, an enclosure and atom:link rel=self", async () => {
      const { response, body } = await text("/feeds/front.rss");
      assert.equal(response.headers.get("content-type"), "application/rss+xml; charset=utf-8");
      assert.match(body, /<rss version="2\.0"/);
      assert.match(body, /<atom:link href="https:\/\/news\.example\/feeds\/front\.rss" rel="self" type="application\/rss\+xml"\/>/);
      const feed = parseFeed(body).toJSON();
      assert.equal(feed.self, `${SITE}/feeds/front.rss`);
      assert.equal(feed.url, SITE);
      assert.ok(feed.title && feed.description, "an RSS channel needs a title, a link and a description");
      assert.equal(feed.items.length, 20, "20 items unless ?limit says otherwise");
      assert.deepEqual(
        feed.items.map((item) => item.url),
        climateArticles.slice(0, 20).map((article) => `${SITE}/climate/${article.slug}`),
      );
      const [newest] = feed.items;
      assert.equal(newest.title, climateArticles[0].title);
      assert.deepEqual(
        newest.authors.map((author) => author.name),
        ["Ben Okri"],
      );
      assert.deepEqual(
        newest.categories.map((category) => category.label),
        ["Climate", "Ice"],
      );
      assert.match(newest.content ?? "", /<p id="p-1">Something happened today/);
      assert.equal(new Date(newest.published!).toISOString(), climateArticles[0].publishedAt!.toISOString());
      assert.deepEqual(
        newest.media.map((media) => [media.url, media.mimeType]),
        [["https://img.example/glacier.jpg", "image/jpeg"]],
      );
      const items = body.split("<item>").slice(1);
      assert.ok(
        items.every((item) => /<content:encoded>/.test(item) && /<dc:creator>[^<]+<\/dc:creator>/.test(item) && /<guid isPermaLink="true">/.test(item)),
      );
      assert.ok(!body.includes(draft.slug), "a draft is in no feed");
    });

    test("serves a section as Atom 1.0 with the ids, titles, dates, authors and links the spec requires", async () => {
      const { response, body } = await text("/feeds/section/climate.atom?limit=5");
      assert.equal(response.headers.get("content-type"), "application/atom+xml; charset=utf-8");
      assert.match(body, /<feed xmlns="http:\/\/www\.w3\.org\/2005\/Atom">/);
      const feed = parseFeed(body).toJSON();
      assert.equal(feed.title, "Climate");
      assert.equal(feed.description, "The warming world.");
      assert.equal(feed.self, `${SITE}/feeds/section/climate.atom?limit=5`);
      assert.match(body, /<id>https:\/\/news\.example\/feeds\/section\/climate\.atom<\/id>/, "the feed's id is the same whatever the limit");
      assert.equal(feed.url, `${SITE}/climate`);
      assert.equal(new Date(feed.updated!).toISOString(), climateArticles[0].updatedAt.toISOString());
      assert.equal(feed.items.length, 5);
      for (const [index, item] of feed.items.entries()) {
        const article = climateArticles[index];
        assert.equal(item.id, `${SITE}/climate/${article.slug}`);
        assert.equal(item.url, item.id);
        assert.equal(item.title, article.title);
        assert.equal(new Date(item.updated!).toISOString(), article.updatedAt.toISOString());
        assert.equal(item.authors.length, 1);
        assert.ok(item.authors[0].name && item.authors[0].url?.startsWith(`${SITE}/author/`));
        assert.match(item.content ?? "", /Something happened today/);
      }
    });

    test("serves an author as JSON Feed 1.1", async () => {
      const { response, body } = await text("/feeds/author/ben-okri.json?limit=100");
      assert.equal(response.headers.get("content-type"), "application/feed+json; charset=utf-8");
      const raw = JSON.parse(body);
      assert.equal(raw.version, "https://jsonfeed.org/version/1.1");
      const feed = parseJsonFeed(body);
      const items = feed.items ?? [];
      assert.equal(feed.title, "Articles by Ben Okri");
      assert.equal(feed.home_page_url, `${SITE}/author/ben-okri`);
      assert.equal(feed.feed_url, `${SITE}/feeds/author/ben-okri.json?limit=100`);
      assert.equal(items.length, 13, "Ben's twelve climate articles and his sport one");
      for (const item of items) {
        assert.ok(item.id && (item.content_html || item.content_text), "each item has an id and content");
        assert.deepEqual(item.authors, [{ name: "Ben Okri", url: `${SITE}/author/ben-okri` }]);
      }
      assert.equal(items[0].image, "https://img.example/glacier.jpg");
      assert.equal(items.at(-1)!.url, items.at(-1)!.id);
      assert.deepEqual(items.at(-1)!.tags, ["Sport", "Heat"]);
    });

    test("serves a tag's feed, its items carrying the tag", async () => {
      const feed = parseFeed((await text("/feeds/tag/heat.rss?limit=3")).body).toJSON();
      assert.equal(feed.title, "Articles tagged Heat");
      assert.equal(feed.items.length, 3);
      assert.ok(feed.items.every((item) => item.categories.some((category) => category.label === "Heat")));
    });

    test("serves the feed of a section without articles empty, without Last-Modified", async () => {
      await createCategory(server().dataSource, { slug: "quiet", name: "Quiet" });
      for (const format of ["rss", "atom"]) {
        const { response, body } = await text(`/feeds/section/quiet.${format}`);
        assert.equal(response.headers.get("last-modified"), null);
        assert.deepEqual(parseFeed(body).toJSON().items, []);
      }
      assert.deepEqual(JSON.parse((await text("/feeds/section/quiet.json")).body).items, []);
    });

    test("reads a feed in a few statements, as many for 100 items as for 5", async () => {
      const statements = async (path: string) => {
        const before = await server().queriesSent();
        await text(path);
        return (await server().queriesSent()) - before;
      };
      for (const owner of ["front", "section/climate", "author/ada-lovelace", "tag/ice"]) {
        const few = await statements(`/feeds/${owner}.rss?limit=5`);
        assert.equal(await statements(`/feeds/${owner}.atom?limit=100`), few, owner);
        // The list (byline, section and tags joined in) and the bodies; an owner's feed looks its owner up first.
        assert.ok(few <= (owner === "front" ? 2 : 3), `${owner}: ${few} statements`);
      }
    });

    test("answers a conditional GET with 304 until the feed changes, and is cached like other anonymous answers", async () => {
      const path = "/feeds/section/climate.rss?limit=2";
      const first = await get(path);
      assert.equal(first.status, 200);
      const etag = first.headers.get("etag")!;
      const lastModified = first.headers.get("last-modified")!;
      assert.match(etag, /^"[^"]+"$/);
      assert.equal(lastModified, climateArticles[0].updatedAt.toUTCString());
      assert.match(first.headers.get("cache-control")!, /^public, max-age=\d+/);
      const keys = first.headers.get("surrogate-key")!.split(" ");
      assert.ok(
        keys.includes(cdnKey(tags.sectionFeed("climate"))) && keys.includes(cdnKey(tags.article(climateArticles[0].id))),
        "purged with the section's feed",
      );

      const byEtag = await get(path, { "if-none-match": etag });
      assert.equal(byEtag.status, 304);
      assert.equal(await byEtag.text(), "");
      assert.equal((await get(path, { "if-modified-since": lastModified })).status, 304);
      assert.equal((await get(path, { "if-none-match": '"something-else"' })).status, 200);

      await server()
        .dataSource.getRepository(Article)
        .update(climateArticles[1].id, { title: "Glaciers, revised", updatedAt: new Date(Date.UTC(2026, 5, 1)) });
      const changed = await get(path, { "if-none-match": etag, "if-modified-since": lastModified });
      assert.equal(changed.status, 200);
      assert.notEqual(changed.headers.get("etag"), etag);
      assert.equal(changed.headers.get("last-modified"), new Date(Date.UTC(2026, 5, 1)).toUTCString());
      assert.match(await changed.text(), /Glaciers, revised/);
    });

    test("answers an unknown feed or slug with a short 404 and a bad limit with a 400, never a 500", async () => {
      for (const path of [
        "/feeds/section/no-such-section.rss",
        "/feeds/author/nobody.atom",
        "/feeds/tag/nothing.json",
        "/feeds/front.xml",
        "/feeds/back.rss",
        "/feeds/shelf/climate.rss",
        "/feeds/section/climate",
        "/feeds/section/%00%2F.rss",
        `/feeds/tag/${"x".repeat(90)}.rss`,
      ]) {
        const response = await get(path);
        assert.equal(response.status, 404, path);
        const body = await response.text();
        assert.ok(body.length < 200 && !/error|stack|select/i.test(body), `${path}: ${body}`);
      }
      assert.equal(await (await get("/feeds/section/nope.rss")).text(), 'No section "nope".\n');
      assert.equal((await get("/feeds/section/%ff.rss")).status, 400, "a path that is no UTF-8 is refused by the router");
      for (const limit of ["0", "101", "abc", "-1", "1.5", "", "1e2", "20&limit=30"]) {
        const response = await get(`/feeds/front.rss?limit=${limit}`);
        assert.equal(response.status, 400, `limit=${limit}`);
        assert.equal(await response.text(), "limit must be a whole number from 1 to 100.\n");
      }
    });
  },
  { urls: { publicUrl: SITE, articlePath: "/{section}/{slug}" } },
);

for (const store of ["memory", "redis"] as const) {
  describeEachDatabase(
    `feeds in the response cache (${store})`,
    (server) => {
      test("keeps a feed by URL, answers conditional GETs from the hit, and drops it when an article in it changes", async () => {
        const ds = server().dataSource;
        const section = await createCategory(ds);
        const author = await createAuthor(ds);
        const article = await createArticle(ds, { author, category: section, title: "Before the edit" });
        const editor = await signIn(server(), await createUser(ds, Role.EDITOR));
        const path = `/feeds/section/${section.slug}.rss`;
        const get = (headers: Record<string, string> = {}) => fetch(`${server().baseUrl}${path}`, { headers });

        const miss = await get();
        assert.equal(miss.headers.get("x-cache"), null);
        const body = await miss.text();
        const hit = await get();
        assert.equal(hit.headers.get("x-cache"), "HIT");
        assert.equal(await hit.text(), body);
        for (const header of ["etag", "last-modified", "cache-control", "content-type", "surrogate-key"]) {
          assert.equal(hit.headers.get(header), miss.headers.get(header), header);
        }
        const notModified = await get({ "if-none-match": miss.headers.get("etag")! });
        assert.equal(notModified.status, 304);
        assert.equal(notModified.headers.get("x-cache"), "HIT");
        assert.equal(await notModified.text(), "");

        const update = `mutation($input: UpdateArticleInput!) { updateArticle(input: $input) { article { version } } }`;
        await server().data(update, { input: { id: encodeGlobalId("Article", article.id), version: article.version, title: "After the edit" } }, editor);
        const fresh = await get({ "if-none-match": miss.headers.get("etag")! });
        assert.equal(fresh.status, 200, "the edit purged the kept feed");
        assert.equal(fresh.headers.get("x-cache"), null);
        assert.match(await fresh.text(), /After the edit/);
      });
    },
    { caching: cachingFor(store, { responseCacheTtlSeconds: 3600 }) },
  );
}
