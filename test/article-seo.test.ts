import assert from "node:assert/strict";
import { before, test } from "node:test";
import { Article } from "../src/modules/article/article.entity";
import { ArticleStatus } from "../src/modules/article/article-status";
import { Author, Category, Tag } from "../src/modules/directory";
import { encodeGlobalId } from "../src/shared/global-id";
import { Role } from "../src/modules/user/role";
import { createArticle, createAuthor, createCategory, createTag } from "./factories/content";
import { createUser, signIn } from "./factories/users";
import { cachingFor } from "./helpers/caching";
import { describeEachDatabase } from "./helpers/each-database";

const SITE = "https://news.example";
const IMGIX = "https://broadsheet.imgix.net";
const LOGO = "https://news.example/logo.png";
const ISO_WITH_ZONE = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/;

const SEO = `seo {
  title description canonicalUrl jsonLd
  openGraph { type title description url siteName image { url width height alt } publishedTime modifiedTime section tags authors }
  twitter { card title description image imageAlt }
}`;
const PAGE = `query($slug: String!) { article(slug: $slug) { url ${SEO} } }`;
const CREATE = `mutation($input: CreateArticleInput!) { createArticle(input: $input) { article { id version seoTitle seoDescription } } }`;
const UPDATE = `mutation($input: UpdateArticleInput!) { updateArticle(input: $input) { article { id version seoTitle seoDescription } } }`;
const PUBLISH = `mutation($id: ID!, $version: Int!) { publishArticle(id: $id, version: $version) { article { version slug } } }`;

interface JsonLd {
  "@context": string;
  "@type": string;
  headline: string;
  description: string;
  image?: string[];
  datePublished?: string;
  dateModified: string;
  author: { "@type": string; name: string; url: string }[];
  publisher: { "@type": string; name: string; url: string; logo?: { "@type": string; url: string } };
  mainEntityOfPage: string;
  articleSection?: string;
  keywords?: string[];
}

const parse = (jsonLd: string): JsonLd => JSON.parse(jsonLd) as JsonLd;

describeEachDatabase(
  "SEO metadata of an article page: title, description, canonical URL, Open Graph, X card and NewsArticle JSON-LD",
  (server) => {
    let ada: Author;
    let climate: Category;
    let ice: Tag;
    let heat: Tag;
    let lead: Article;
    let plain: Article;
    let editor: Record<string, string>;

    before(async () => {
      const ds = server().dataSource;
      ada = await createAuthor(ds, { slug: "ada-lovelace", name: "Ada Lovelace" });
      climate = await createCategory(ds, { slug: "climate", name: "Climate" });
      ice = await createTag(ds, { slug: "ice", name: "Ice" });
      heat = await createTag(ds, { slug: "heat", name: "Heat" });
      for (let n = 0; n < 20; n++) {
        await createArticle(ds, { author: ada, category: climate, tags: [ice], title: `Filler ${n}`, imageUrl: `https://cdn.example/${n}.jpg`, imageAlt: "x" });
      }
      lead = await createArticle(ds, {
        author: ada,
        category: climate,
        tags: [ice, heat],
        title: "The glacier that ran",
        subtitle: "A standfirst about ice.",
        publishedAt: new Date(Date.UTC(2026, 5, 1, 8, 30)),
        updatedAt: new Date(Date.UTC(2026, 5, 2, 9, 0)),
        imageUrl: "https://cdn.example/glacier.jpg",
        imageAlt: "A glacier at dawn",
        imageWidth: 2400,
        imageHeight: 1600,
        imageFocalX: 0.3,
        imageFocalY: 0.4,
      });
      plain = await createArticle(ds, { author: ada, category: climate, title: "No picture today" });
      editor = await signIn(server(), await createUser(ds, Role.EDITOR, ada));
    });

    test("describes an article as a schema.org NewsArticle with the properties Google's article structured data lists", async () => {
      const { article } = await server().data(PAGE, { slug: lead.slug });
      const jsonLd = parse(article.seo.jsonLd);
      assert.equal(jsonLd["@context"], "https://schema.org");
      assert.equal(jsonLd["@type"], "NewsArticle");
      assert.equal(jsonLd.headline, "The glacier that ran");
      assert.equal(jsonLd.description, "A standfirst about ice.");
      assert.match(jsonLd.datePublished!, ISO_WITH_ZONE);
      assert.equal(new Date(jsonLd.datePublished!).toISOString(), "2026-06-01T08:30:00.000Z");
      assert.match(jsonLd.dateModified, ISO_WITH_ZONE);
      assert.equal(new Date(jsonLd.dateModified).toISOString(), "2026-06-02T09:00:00.000Z");
      assert.deepEqual(jsonLd.author, [{ "@type": "Person", name: "Ada Lovelace", url: `${SITE}/author/ada-lovelace` }]);
      assert.deepEqual(jsonLd.publisher, { "@type": "Organization", name: "The Daily Example", url: SITE, logo: { "@type": "ImageObject", url: LOGO } });
      assert.equal(jsonLd.mainEntityOfPage, `${SITE}/climate/${lead.slug}`);
      assert.equal(jsonLd.mainEntityOfPage, article.url);
      assert.equal(jsonLd.articleSection, "Climate");
      assert.deepEqual(jsonLd.keywords, ["Heat", "Ice"]);
    });

    test("lists the lead image in 16x9, 4x3 and 1x1 from the image service, cropped around its focal point", async () => {
      const { article } = await server().data(PAGE, { slug: lead.slug });
      const images = parse(article.seo.jsonLd).image!.map((url) => new URL(url));
      assert.deepEqual(
        images.map((url) => [url.origin, url.pathname, url.searchParams.get("w"), url.searchParams.get("h"), url.searchParams.get("fit")]),
        [
          [IMGIX, `/${encodeURIComponent("https://cdn.example/glacier.jpg")}`, "1200", "675", "crop"],
          [IMGIX, `/${encodeURIComponent("https://cdn.example/glacier.jpg")}`, "1200", "900", "crop"],
          [IMGIX, `/${encodeURIComponent("https://cdn.example/glacier.jpg")}`, "1200", "1200", "crop"],
        ],
      );
      assert.ok(images.every((url) => url.searchParams.get("fp-x") === "0.3" && url.searchParams.get("fp-y") === "0.4"));
    });

    test("gives the page's title, description, canonical URL, Open Graph and X card", async () => {
      const { article } = await server().data(PAGE, { slug: lead.slug });
      const { seo } = article;
      assert.equal(seo.title, "The glacier that ran");
      assert.equal(seo.description, "A standfirst about ice.");
      assert.equal(seo.canonicalUrl, `${SITE}/climate/${lead.slug}`);
      const shared = new URL(seo.openGraph.image.url);
      assert.deepEqual([shared.origin, shared.searchParams.get("w"), shared.searchParams.get("h")], [IMGIX, "1200", "630"]);
      assert.deepEqual(seo.openGraph, {
        type: "article",
        title: "The glacier that ran",
        description: "A standfirst about ice.",
        url: seo.canonicalUrl,
        siteName: "The Daily Example",
        image: { url: seo.openGraph.image.url, width: 1200, height: 630, alt: "A glacier at dawn" },
        publishedTime: "2026-06-01T08:30:00.000Z",
        modifiedTime: "2026-06-02T09:00:00.000Z",
        section: "Climate",
        tags: ["Heat", "Ice"],
        authors: [`${SITE}/author/ada-lovelace`],
      });
      assert.deepEqual(seo.twitter, {
        card: "summary_large_image",
        title: "The glacier that ran",
        description: "A standfirst about ice.",
        image: seo.openGraph.image.url,
        imageAlt: "A glacier at dawn",
      });
    });

    test("without a lead image: a summary card, no image in Open Graph or JSON-LD, and the body's start as description", async () => {
      const { article } = await server().data(PAGE, { slug: plain.slug });
      assert.equal(article.seo.twitter.card, "summary");
      assert.equal(article.seo.twitter.image, null);
      assert.equal(article.seo.openGraph.image, null);
      assert.equal(article.seo.description, "Something happened today, and people noticed. Nobody knows yet what will follow.");
      const jsonLd = parse(article.seo.jsonLd);
      assert.equal("image" in jsonLd, false);
      assert.equal(jsonLd.description, article.seo.description);
    });

    test("takes the editor's seoTitle and seoDescription from createArticle and updateArticle, and a blank one restores the default", async () => {
      const categoryId = encodeGlobalId("Category", climate.id);
      const { createArticle: created } = await server().data(
        CREATE,
        { input: { title: "A long and careful headline", body: "Words.", categoryId, seoTitle: "  Short title  ", seoDescription: "What searchers read." } },
        editor,
      );
      assert.deepEqual([created.article.seoTitle, created.article.seoDescription], ["Short title", "What searchers read."]);
      const { publishArticle } = await server().data(PUBLISH, { id: created.article.id, version: created.article.version }, editor);
      const { article } = await server().data(PAGE, { slug: publishArticle.article.slug });
      assert.equal(article.seo.title, "Short title");
      assert.equal(article.seo.description, "What searchers read.");
      assert.equal(article.seo.openGraph.title, "Short title");
      assert.equal(article.seo.twitter.description, "What searchers read.");
      assert.equal(parse(article.seo.jsonLd).headline, "Short title");
      assert.equal(parse(article.seo.jsonLd).description, "What searchers read.");

      const { updateArticle } = await server().data(
        UPDATE,
        { input: { id: created.article.id, version: publishArticle.article.version, seoTitle: " ", seoDescription: null } },
        editor,
      );
      assert.deepEqual([updateArticle.article.seoTitle, updateArticle.article.seoDescription], [null, null]);
      const after = await server().data(PAGE, { slug: publishArticle.article.slug });
      assert.equal(after.article.seo.title, "A long and careful headline");
      assert.equal(after.article.seo.description, "Words.");
    });

    test("snapshots the overrides in revisions and restores them", async () => {
      const { createArticle: created } = await server().data(
        CREATE,
        { input: { title: "Revised", body: "Words.", categoryId: encodeGlobalId("Category", climate.id), seoTitle: "First" } },
        editor,
      );
      const id = created.article.id;
      const published = await server().data(PUBLISH, { id, version: created.article.version }, editor);
      const changed = await server().data(
        UPDATE,
        { input: { id, version: published.publishArticle.article.version, seoTitle: "Second", seoDescription: "Said" } },
        editor,
      );
      const { article } = await server().data(
        `query($id: ID!) { article(id: $id) { revisions(first: 5) { nodes { id changedFields seoTitle seoDescription } } } }`,
        { id },
        editor,
      );
      const [latest, first] = article.revisions.nodes;
      assert.deepEqual([first.seoTitle, first.seoDescription], ["First", null]);
      assert.deepEqual([latest.seoTitle, latest.seoDescription], ["Second", "Said"]);
      assert.deepEqual(latest.changedFields, ["seoTitle", "seoDescription"]);
      const { restoreArticleRevision } = await server().data(
        `mutation($input: RestoreArticleRevisionInput!) { restoreArticleRevision(input: $input) { article { seoTitle seoDescription } } }`,
        { input: { articleId: id, revisionId: first.id, version: changed.updateArticle.article.version } },
        editor,
      );
      assert.deepEqual(restoreArticleRevision.article, { seoTitle: "First", seoDescription: null });
    });

    test("refuses an override that is too long or not text with BAD_USER_INPUT naming the field", async () => {
      const categoryId = encodeGlobalId("Category", climate.id);
      const cases: [Record<string, unknown>, string][] = [
        [{ seoTitle: "x".repeat(111) }, "input.seoTitle"],
        [{ seoDescription: "x".repeat(301) }, "input.seoDescription"],
        [{ seoTitle: "a\u0000b" }, "input.seoTitle"],
        [{ seoDescription: "half \ud800 a character" }, "input.seoDescription"],
      ];
      for (const [extra, field] of cases) {
        const response = await server().graphql(CREATE, { input: { title: "Refused", body: "Words.", categoryId, ...extra } }, editor);
        assert.equal(response.status, 200);
        const [error] = response.body.errors ?? [];
        assert.equal(error?.extensions?.code, "BAD_USER_INPUT", JSON.stringify(extra));
        assert.equal(error.extensions!.field, field);
      }
      const exact = await server().data(CREATE, { input: { title: "At the limit", body: "Words.", categoryId, seoTitle: "y".repeat(110) } }, editor);
      assert.equal(exact.createArticle.article.seoTitle.length, 110);
    });

    test("escapes </script>, <!--, & and line separators so the JSON-LD can go in a script element as it is", async () => {
      const title = "Ice </script><script>alert(1)</script> <!-- & more";
      const description = "A < B && C > D,\u2028a line\u2029and a paragraph";
      const hostile = await createArticle(server().dataSource, { author: ada, category: climate, title, seoDescription: description });
      const { article } = await server().data(PAGE, { slug: hostile.slug });
      const { jsonLd } = article.seo;
      assert.doesNotMatch(jsonLd, /[<>&\u2028\u2029]/);
      assert.match(jsonLd, /\\u003c\/script\\u003e/);
      const parsed = parse(jsonLd);
      assert.equal(parsed.headline, title);
      assert.equal(parsed.description, description);
      assert.equal(article.seo.title, title, "the other fields are plain strings: the page escapes them as it writes its tags");
    });

    test("keeps a headline within 110 characters, cut at a word", async () => {
      const long = await createArticle(server().dataSource, { author: ada, category: climate, title: `${"glacier ".repeat(30)}end` });
      const { article } = await server().data(PAGE, { slug: long.slug });
      const { headline } = parse(article.seo.jsonLd);
      assert.ok(headline.length <= 110, `${headline.length} characters`);
      assert.match(headline, /^glacier( glacier)*…$/);
      assert.equal(article.seo.title, long.title, "the page title is the editor's to shorten");
    });

    test("leaves datePublished out until the article is published", async () => {
      const draft = await createArticle(server().dataSource, { author: ada, category: climate, status: ArticleStatus.DRAFT, publishedAt: null });
      const { article } = await server().data(`query($id: ID!) { article(id: $id) { ${SEO} } }`, { id: encodeGlobalId("Article", draft.id) }, editor);
      assert.equal("datePublished" in parse(article.seo.jsonLd), false);
      assert.match(parse(article.seo.jsonLd).dateModified, ISO_WITH_ZONE);
      assert.equal(article.seo.openGraph.publishedTime, null);
    });

    test("adds no statement to a page of 20 articles, and a bounded few to an article page", async () => {
      const bare = `{ articles(first: 20) { nodes { title } } }`;
      const withSeo = `{ articles(first: 20) { nodes { title ${SEO} } } }`;
      assert.equal(await server().countQueries(bare), 1);
      assert.equal(await server().countQueries(withSeo), 1);
      const { articles } = await server().data(withSeo);
      assert.equal(articles.nodes.length, 20);
      assert.ok(articles.nodes.every((node: { seo: { jsonLd: string } }) => parse(node.seo.jsonLd).author[0].name === "Ada Lovelace"));

      const page = `query($slug: String!) { article(slug: $slug) { title url author { name } category { name } tags { name } } }`;
      const shown = await server().countQueries(page, { slug: lead.slug });
      assert.equal(await server().countQueries(PAGE, { slug: lead.slug }), shown, "seo reads what the page's own fields read, in the same batches");
    });
  },
  {
    urls: { publicUrl: SITE, articlePath: "/{section}/{slug}" },
    publisher: { name: "The Daily Example", logoUrl: LOGO, language: "en" },
    articles: { images: { service: "imgix", baseUrl: IMGIX, token: null } },
  },
);

describeEachDatabase(
  "SEO metadata without an image service or publisher settings, behind the response cache",
  (server) => {
    let author: Author;
    let tag: Tag;
    let article: Article;
    let editor: Record<string, string>;

    before(async () => {
      const ds = server().dataSource;
      author = await createAuthor(ds, { slug: "ben-okri", name: "Ben Okri" });
      tag = await createTag(ds, { slug: "rivers", name: "Rivers" });
      const section = await createCategory(ds, { slug: "world", name: "World" });
      article = await createArticle(ds, {
        author,
        category: section,
        tags: [tag],
        title: "Rivers rise",
        imageUrl: "https://cdn.example/river.jpg",
        imageAlt: "A river",
        imageWidth: 800,
        imageHeight: 600,
      });
      editor = await signIn(server(), await createUser(ds, Role.EDITOR, author));
    });

    test("lists the original image at its own size, and names the default publisher without a logo", async () => {
      const { article: page } = await server().data(PAGE, { slug: article.slug });
      const jsonLd = parse(page.seo.jsonLd);
      assert.deepEqual(jsonLd.image, ["https://cdn.example/river.jpg"]);
      assert.deepEqual(jsonLd.publisher, { "@type": "Organization", name: "Broadsheet", url: "http://localhost:4000" });
      assert.deepEqual(page.seo.openGraph.image, { url: "https://cdn.example/river.jpg", width: 800, height: 600, alt: "A river" });
      assert.equal(page.seo.twitter.card, "summary_large_image");
    });

    test("renaming the byline's author or a tag purges the cached answer that names them", async () => {
      const query = `query($slug: String!) { article(slug: $slug) { seo { jsonLd openGraph { tags } } } }`;
      await server().graphql(query, { slug: article.slug });
      assert.equal((await server().graphql(query, { slug: article.slug })).headers.get("x-cache"), "HIT");
      await server().data(
        `mutation($id: ID!, $version: Int!) { updateTag(input: { id: $id, version: $version, name: "Floods" }) { tag { name } } }`,
        { id: encodeGlobalId("Tag", tag.id), version: 1 },
        editor,
      );
      const afterTag = await server().graphql(query, { slug: article.slug });
      assert.equal(afterTag.headers.get("x-cache"), null);
      assert.deepEqual(afterTag.body.data.article.seo.openGraph.tags, ["Floods"]);

      await server().graphql(query, { slug: article.slug });
      await server().data(
        `mutation($id: ID!, $version: Int!) { updateAuthor(input: { id: $id, version: $version, name: "Ben O." }) { author { name } } }`,
        { id: encodeGlobalId("Author", author.id), version: 1 },
        editor,
      );
      const afterAuthor = await server().graphql(query, { slug: article.slug });
      assert.equal(afterAuthor.headers.get("x-cache"), null);
      assert.equal(parse(afterAuthor.body.data.article.seo.jsonLd).author[0].name, "Ben O.");
    });
  },
  () => ({ caching: cachingFor("memory", { responseCacheTtlSeconds: 3600 }) }),
);
