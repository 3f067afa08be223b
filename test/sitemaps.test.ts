import assert from "node:assert/strict";
import { before, test } from "node:test";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { ArticleStatus } from "../src/modules/article/article-status";
import { Article } from "../src/modules/article/article.entity";
import { Author, Category } from "../src/modules/directory";
import { newsLanguageOf } from "../src/modules/syndication/sitemaps/sitemap-xml";
import { ServerDeps } from "../src/server";
import { createArticle, createAuthor, createCategory, createTag } from "./factories/content";
import { describeEachDatabase } from "./helpers/each-database";

const SITE = "https://news.example";
const PUBLISHER = { name: "The Daily <Planet> & Co", language: "en-GB" };
const W3C_DATETIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/;
const HOUR = 3_600_000;
const SERVER_OPTIONS: Partial<ServerDeps> = {
  urls: { publicUrl: SITE, articlePath: "/{section}/{slug}" },
  publisher: PUBLISHER,
  sitemaps: { urlsPerSitemap: 3, newsArticles: 5 },
};

const parser = new XMLParser({ ignoreAttributes: false, parseTagValue: false, isArray: (name) => ["url", "sitemap"].includes(name) });

interface UrlEntry {
  loc: string;
  lastmod: string;
}

/** A W3C datetime to the second, as the sitemaps write them. */
const w3c = (date: Date) => date.toISOString().replace(/\.\d{3}Z$/, "Z");

test("names the news sitemap's language as Google News wants it: ISO 639 alone, Chinese as zh-cn or zh-tw", () => {
  const cases: [string, string][] = [
    ["en", "en"],
    ["pt-BR", "pt"],
    ["EN-gb", "en"],
    ["zh", "zh-cn"],
    ["zh-CN", "zh-cn"],
    ["zh-Hans-SG", "zh-cn"],
    ["zh-TW", "zh-tw"],
    ["zh-Hant", "zh-tw"],
    ["zh-HK", "zh-tw"],
  ];
  for (const [tag, expected] of cases) assert.equal(newsLanguageOf(tag), expected, tag);
});

describeEachDatabase(
  "Sitemaps: an index of keyset-paged children, the Google News sitemap and robots.txt",
  (server) => {
    let climate: Category;
    let arts: Category;
    let ada: Author;
    /** Published articles, by id. */
    const published = new Map<number, Article>();
    /** Never in a sitemap: a draft, a scheduled and an archived article. */
    const hidden: Article[] = [];
    let apostrophe: Article;

    const get = (path: string, headers: Record<string, string> = {}) => fetch(`${server().baseUrl}${path}`, { headers });
    const xml = async (path: string) => {
      const response = await get(path);
      assert.equal(response.status, 200, `${path}: ${response.status}`);
      assert.equal(response.headers.get("content-type"), "application/xml; charset=utf-8");
      const body = await response.text();
      assert.equal(XMLValidator.validate(body), true, `${path} is well-formed XML`);
      return { response, body, document: parser.parse(body) };
    };
    const urlsOf = async (path: string): Promise<UrlEntry[]> => (await xml(path)).document.urlset.url ?? [];
    const pathOf = (loc: string) => {
      assert.ok(loc.startsWith(SITE), loc);
      return loc.slice(SITE.length);
    };
    const articleUrl = (article: Article) => `${SITE}/${article.categoryId === arts.id ? "arts" : "climate"}/${encodeURIComponent(article.slug)}`;
    /** When the newest published article that `belongs` was published, as a lastmod. */
    const newest = (belongs: (article: Article) => boolean) =>
      w3c(new Date(Math.max(...[...published.values()].filter(belongs).map((article) => article.publishedAt!.getTime()))));

    before(async () => {
      const ds = server().dataSource;
      const now = Date.now();
      climate = await createCategory(ds, { slug: "climate", name: "Climate" });
      const sport = await createCategory(ds, { slug: "sport", name: "Sport" });
      await createCategory(ds, { slug: "quiet", name: "Quiet" });
      arts = await createCategory(ds, { slug: "arts", name: "Arts" });
      ada = await createAuthor(ds, { slug: "ada", name: "Ada" });
      const ben = await createAuthor(ds, { slug: "ben", name: "Ben" });
      await createAuthor(ds, { slug: "cy", name: "Cy, who has written nothing yet" });
      const ice = await createTag(ds, { slug: "ice", name: "Ice" });
      const heat = await createTag(ds, { slug: "heat", name: "Heat" });
      const cold = await createTag(ds, { slug: "cold", name: "Cold" });
      const add = async (article: Article) => (article.status === ArticleStatus.PUBLISHED ? published.set(article.id, article) : hidden.push(article));
      // Ids 1 and 2: published within the last 48 hours.
      await add(
        await createArticle(ds, {
          author: ada,
          category: climate,
          tags: [ice],
          title: "Glaciers & rivers <live>\u0001",
          publishedAt: new Date(now - 5 * 60_000),
        }),
      );
      await add(await createArticle(ds, { author: ben, category: climate, title: "Two days of rain", publishedAt: new Date(now - 47 * HOUR) }));
      // Ids 3 to 6: none published, so the second articles child (4 to 6) does not exist.
      await add(await createArticle(ds, { author: ben, category: sport, tags: [cold], title: "Draft", status: ArticleStatus.DRAFT, publishedAt: null }));
      await add(await createArticle(ds, { author: ada, category: sport, title: "Another draft", status: ArticleStatus.DRAFT, publishedAt: null }));
      await add(await createArticle(ds, { author: ben, category: sport, title: "Soon", status: ArticleStatus.SCHEDULED, publishedAt: new Date(now + HOUR) }));
      await add(
        await createArticle(ds, { author: ben, category: sport, title: "Withdrawn", status: ArticleStatus.ARCHIVED, publishedAt: new Date(now - 2 * HOUR) }),
      );
      // Id 7: just outside the news window, with an apostrophe in its slug (which encodeURIComponent leaves as it is).
      apostrophe = await createArticle(ds, {
        author: ada,
        category: climate,
        tags: [heat],
        slug: "it's-warm",
        title: "It's warm",
        publishedAt: new Date(now - 49 * HOUR),
      });
      await add(apostrophe);
      // Ids 8 to 14: recent, in the news sitemap's reach but past its cap of 5.
      for (let n = 0; n < 7; n++) {
        await add(
          await createArticle(ds, {
            author: n % 2 ? ada : ben,
            category: n === 6 ? arts : climate,
            title: `Update ${n}`,
            publishedAt: new Date(now - (10 + n) * 60_000),
          }),
        );
      }
    });

    test("lists its children with W3C lastmods, and the children hold every published article once, at most 3 each", async () => {
      const { document } = await xml("/sitemap.xml");
      assert.equal(document.sitemapindex["@_xmlns"], "http://www.sitemaps.org/schemas/sitemap/0.9");
      const children: UrlEntry[] = document.sitemapindex.sitemap;
      assert.deepEqual(
        children.map((child) => pathOf(child.loc)),
        [
          "/sitemaps/articles-1.xml",
          "/sitemaps/articles-3.xml",
          "/sitemaps/articles-4.xml",
          "/sitemaps/articles-5.xml",
          "/sitemaps/sections-1.xml",
          "/sitemaps/sections-2.xml",
          "/sitemaps/authors-1.xml",
          "/sitemaps/tags-1.xml",
        ],
      );
      assert.ok(children.every((child) => W3C_DATETIME.test(child.lastmod)));
      const seen: string[] = [];
      for (const child of children.filter((entry) => entry.loc.includes("/articles-"))) {
        const urls = await urlsOf(pathOf(child.loc));
        assert.ok(urls.length >= 1 && urls.length <= 3, `${child.loc}: ${urls.length} URLs`);
        for (const url of urls) assert.match(url.lastmod, W3C_DATETIME);
        assert.equal(
          child.lastmod,
          urls
            .map((url) => url.lastmod)
            .sort()
            .at(-1),
          "the index dates a child by its newest change",
        );
        seen.push(...urls.map((url) => url.loc));
      }
      const expected = [...published.values()].sort((a, b) => a.id - b.id);
      assert.deepEqual(seen, expected.map(articleUrl), "in id order, without gaps or duplicates");
      const lastmods = new Map((await urlsOf("/sitemaps/articles-1.xml")).map((url) => [url.loc, url.lastmod]));
      assert.equal(lastmods.get(articleUrl(published.get(1)!)), w3c(published.get(1)!.updatedAt));
    });

    test("lists the sections, authors and tags that have a published article, dated by its publication", async () => {
      assert.deepEqual(await urlsOf("/sitemaps/sections-1.xml"), [{ loc: `${SITE}/climate`, lastmod: newest((article) => article.categoryId === climate.id) }]);
      assert.deepEqual(
        (await urlsOf("/sitemaps/sections-2.xml")).map((url) => url.loc),
        [`${SITE}/arts`],
      );
      const authors = await urlsOf("/sitemaps/authors-1.xml");
      assert.deepEqual(
        authors.map((url) => url.loc),
        [`${SITE}/author/ada`, `${SITE}/author/ben`],
      );
      assert.equal(
        authors[0].lastmod,
        newest((article) => article.authorId === ada.id),
      );
      assert.deepEqual(await urlsOf("/sitemaps/tags-1.xml"), [
        { loc: `${SITE}/tag/ice`, lastmod: w3c(published.get(1)!.publishedAt!) },
        { loc: `${SITE}/tag/heat`, lastmod: w3c(apostrophe.publishedAt!) },
      ]);
    });

    test("never shows a draft, a scheduled or an archived article, nor what only they belong to", async () => {
      const bodies = [(await xml("/sitemap-news.xml")).body];
      for (const child of (await xml("/sitemap.xml")).document.sitemapindex.sitemap as UrlEntry[]) bodies.push((await xml(pathOf(child.loc))).body);
      const all = bodies.join("\n");
      for (const article of hidden) assert.ok(!all.includes(`/${article.slug}<`), `${article.status} ${article.slug} is in a sitemap`);
      for (const path of ["/sport<", "/quiet<", "/author/cy<", "/tag/cold<"]) assert.ok(!all.includes(path), path);
    });

    test("escapes what XML reserves in URLs and titles, and drops what XML cannot hold", async () => {
      const { body } = await xml("/sitemaps/articles-3.xml");
      assert.ok(body.includes(`<loc>${SITE}/climate/it&apos;s-warm</loc>`));
      assert.ok((await urlsOf("/sitemaps/articles-3.xml")).some((url) => url.loc === `${SITE}/climate/it's-warm`));
      const news = await xml("/sitemap-news.xml");
      assert.ok(news.body.includes("<news:name>The Daily &lt;Planet&gt; &amp; Co</news:name>"));
      const first = news.document.urlset.url.find((url: { loc: string }) => url.loc === articleUrl(published.get(1)!));
      assert.ok(first, "the newest article is in the news sitemap");
      assert.equal(first["news:news"]["news:title"], "Glaciers & rivers <live>");
    });

    test("serves the Google News sitemap: the last 48 hours' articles, newest first, at most 5 here, with publication, date and title", async () => {
      const { document } = await xml("/sitemap-news.xml");
      assert.equal(document.urlset["@_xmlns:news"], "http://www.google.com/schemas/sitemap-news/0.9");
      const entries = document.urlset.url;
      const recent = [...published.values()]
        .filter((article) => article.publishedAt!.getTime() > Date.now() - 48 * HOUR)
        .sort((a, b) => b.publishedAt!.getTime() - a.publishedAt!.getTime());
      assert.equal(recent.length, 9, "the fixture has more recent articles than the cap");
      assert.deepEqual(
        entries.map((entry: { loc: string }) => entry.loc),
        recent.slice(0, 5).map(articleUrl),
      );
      for (const [index, entry] of entries.entries()) {
        assert.deepEqual(
          entry["news:news"]["news:publication"],
          { "news:name": PUBLISHER.name, "news:language": "en" },
          "Google News takes the ISO 639 code alone",
        );
        assert.equal(entry["news:news"]["news:publication_date"], w3c(recent[index].publishedAt!));
        assert.equal(entry["news:news"]["news:title"], recent[index].title.replace("\u0001", ""));
      }
      const again = await get("/sitemap-news.xml", { "if-none-match": (await get("/sitemap-news.xml")).headers.get("etag")! });
      assert.equal(again.status, 304);
    });

    test("names both sitemaps in robots.txt", async () => {
      const response = await get("/robots.txt");
      assert.equal(response.status, 200);
      assert.equal(response.headers.get("content-type"), "text/plain; charset=utf-8");
      const lines = (await response.text()).split("\n");
      assert.ok(lines.includes("User-agent: *"));
      assert.ok(lines.includes(`Sitemap: ${SITE}/sitemap.xml`) && lines.includes(`Sitemap: ${SITE}/sitemap-news.xml`));
    });

    test("answers a conditional GET with 304 until what a sitemap shows changes", async () => {
      for (const path of ["/sitemap.xml", "/sitemaps/articles-4.xml", "/sitemaps/tags-1.xml", "/robots.txt"]) {
        const first = await get(path);
        assert.equal(first.status, 200, path);
        await first.text();
        const etag = first.headers.get("etag")!;
        assert.match(etag, /^"[^"]+"$/, path);
        assert.match(first.headers.get("cache-control")!, /^public, max-age=\d+/, path);
        const byEtag = await get(path, { "if-none-match": etag });
        assert.equal(byEtag.status, 304, path);
        assert.equal(await byEtag.text(), "");
        assert.equal((await get(path, { "if-none-match": '"other"' })).status, 200, path);
      }
      const child = await get("/sitemaps/articles-4.xml");
      const etag = child.headers.get("etag")!;
      const lastModified = child.headers.get("last-modified")!;
      assert.equal((await get("/sitemaps/articles-4.xml", { "if-modified-since": lastModified })).status, 304);

      const changedAt = new Date(Date.now() + 60_000);
      await server().dataSource.getRepository(Article).update(10, { title: "Revised", updatedAt: changedAt });
      const changed = await get("/sitemaps/articles-4.xml", { "if-none-match": etag, "if-modified-since": lastModified });
      assert.equal(changed.status, 200);
      assert.equal(changed.headers.get("last-modified"), new Date(Math.floor(changedAt.getTime() / 1000) * 1000).toUTCString());
      assert.ok((await changed.text()).includes(`<lastmod>${w3c(changedAt)}</lastmod>`));

      // Renaming a section moves its articles' URLs without changing the articles.
      const before = (await get("/sitemaps/articles-1.xml")).headers.get("etag")!;
      await server().dataSource.getRepository(Category).update(climate.id, { slug: "the-climate", version: 2 });
      const renamed = await get("/sitemaps/articles-1.xml", { "if-none-match": before });
      assert.equal(renamed.status, 200);
      assert.ok((await renamed.text()).includes(`${SITE}/the-climate/`));
      await server().dataSource.getRepository(Category).update(climate.id, { slug: "climate", version: 3 });

      // Another PUBLIC_URL or ARTICLE_URL_TEMPLATE moves every URL of the same rows.
      const here = (await get("/sitemaps/articles-1.xml")).headers.get("etag")!;
      const elsewhere = await server().sibling({ ...SERVER_OPTIONS, urls: { publicUrl: SITE, articlePath: "/{section}/story/{slug}" } });
      try {
        const response = await fetch(`${elsewhere.baseUrl}/sitemaps/articles-1.xml`, { headers: { "if-none-match": here } });
        assert.equal(response.status, 200);
        assert.ok((await response.text()).includes(`${SITE}/climate/story/`));
      } finally {
        await elsewhere.stop();
      }
    });

    test("answers an unknown child or page with a short 404, never a 500", async () => {
      for (const path of [
        "/sitemaps/articles-2.xml",
        "/sitemaps/articles-6.xml",
        "/sitemaps/articles-0.xml",
        "/sitemaps/articles-01.xml",
        "/sitemaps/articles--1.xml",
        "/sitemaps/articles-1.5.xml",
        "/sitemaps/articles-999999999.xml",
        "/sitemaps/articles-9999999999999999999999.xml",
        "/sitemaps/articles-1.txt",
        "/sitemaps/articles.xml",
        "/sitemaps/pages-1.xml",
        "/sitemaps/sections-3.xml",
        "/sitemaps/authors-2.xml",
        "/sitemaps/%00.xml",
      ]) {
        const response = await get(path);
        assert.equal(response.status, 404, path);
        const body = await response.text();
        assert.ok(body.length < 100 && !/error|stack|select/i.test(body), `${path}: ${body}`);
      }
      assert.equal(await (await get("/sitemaps/tags-7.xml")).text(), "No such sitemap: /sitemap.xml lists them.\n");
    });
  },
  SERVER_OPTIONS,
);
