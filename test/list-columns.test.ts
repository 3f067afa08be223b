import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { before, test } from "node:test";
import { buildSchema as parseSchema, GraphQLObjectType } from "graphql";
import { DataSource } from "typeorm";
import { ARTICLE_FIELD_NEEDS } from "../src/modules/article/list/article-list-shape";
import { ArticleStatus } from "../src/modules/article/article-status";
import { Article } from "../src/modules/article/article.entity";
import { Author } from "../src/modules/directory/author/author.entity";
import { NAMED_ENTITY_FIELD_NEEDS } from "../src/modules/directory/named-entity-columns";
import { Role } from "../src/modules/user/role";
import { createArticle, createAuthor, createCategory, createTag } from "./factories/content";
import { createUser, signIn } from "./factories/users";
import { describeEachDatabase } from "./helpers/each-database";

/** Every scalar-valued field of Article with the selection that shows it whole. */
const SHOWN: Record<string, string> = {
  id: "id",
  slug: "slug",
  title: "title",
  subtitle: "subtitle",
  excerpt: "excerpt(maxLength: 60)",
  featuredImage: "featuredImage { url alt caption width height }",
  author: "author { id slug name bio avatarUrl }",
  category: "category { id slug name description }",
  status: "status",
  publishedAt: "publishedAt",
  updatedAt: "updatedAt",
  version: "version",
  commentCount: "commentCount",
  wordCount: "wordCount",
  readingTimeMinutes: "readingTimeMinutes",
  body: "body",
  headings: "headings { anchor text level }",
  tags: "tags { name }",
  "the author's version alone": "author { version }",
  "the author's URL": "author { url }",
  "the section's version and URL": "category { version url }",
  "the byline": "authors { id slug name bio avatarUrl version url }",
  "the tags whole": "tags { id slug name version url }",
  seo: "seo { title description canonicalUrl openGraph { section tags authors publishedTime modifiedTime } jsonLd }",
  checkAlso: "checkAlso { slug }",
};

/** Every field of Author, Category and Tag, and the selection that shows them whole. */
const SHOWN_IN_DIRECTORY: Record<string, string> = {
  author: "id slug name url version bio avatarUrl",
  category: "id slug name url version description",
  tag: "id slug name url version",
};

/** The SQL statements `work` sends, in order. */
async function sqlOf(dataSource: DataSource, work: () => Promise<unknown>): Promise<string[]> {
  const logger = dataSource.logger;
  const original = logger.logQuery.bind(logger);
  const sent: string[] = [];
  logger.logQuery = (query, parameters, runner) => {
    sent.push(query);
    return original(query, parameters, runner);
  };
  try {
    await work();
  } finally {
    logger.logQuery = original;
  }
  return sent;
}

test("every field of Article says what a list row reads for it (a new field must decide)", () => {
  const schema = parseSchema(readFileSync("schema.graphql", "utf8"));
  const fields = Object.keys((schema.getType("Article") as GraphQLObjectType).getFields()).sort();
  assert.deepEqual(
    Object.keys(ARTICLE_FIELD_NEEDS)
      .filter((field) => field !== "__typename")
      .sort(),
    fields,
  );
});

test("every field of Author, Category and Tag says what a directory row reads for it", () => {
  const schema = parseSchema(readFileSync("schema.graphql", "utf8"));
  for (const [type, needs] of Object.entries(NAMED_ENTITY_FIELD_NEEDS)) {
    const fields = Object.keys((schema.getType(type) as GraphQLObjectType).getFields()).sort();
    assert.deepEqual(
      Object.keys(needs)
        .filter((field) => field !== "__typename")
        .sort(),
      fields,
      type,
    );
  }
});

describeEachDatabase("lists read only the columns the client asked for", (server) => {
  let slugs: string[];
  let authorSlug: string;
  let writer: Author;

  before(async () => {
    const ds = server().dataSource;
    const author = await createAuthor(ds, { bio: "Writes long reads.", avatarUrl: "https://img.example/a.jpg" });
    authorSlug = author.slug;
    writer = author;
    const category = await createCategory(ds, { description: "All the news." });
    const tags = [await createTag(ds, { name: "Zebra crossings" }), await createTag(ds, { name: "Apple harvests" })];
    const articles: Article[] = [];
    for (const n of [1, 2, 3]) {
      articles.push(
        await createArticle(ds, {
          author,
          category,
          tags: n === 3 ? [] : tags,
          title: `Long read ${n}`,
          subtitle: n === 2 ? null : `Standfirst ${n}`,
          editorExcerpt: n === 1 ? "The editor's own excerpt, which is long enough to be cut somewhere." : null,
          imageUrl: n === 3 ? null : `https://img.example/${n}.jpg`,
          imageAlt: n === 3 ? null : `Picture ${n}`,
          imageCaption: n === 1 ? "A caption" : null,
          imageWidth: n === 1 ? 1200 : null,
          imageHeight: n === 1 ? 800 : null,
          commentCount: [4, 9, 4][n - 1],
        }),
      );
    }
    slugs = articles.map((article) => article.slug);
    // More in the section than an article's related picks, and a newer one elsewhere: Check Also's pick depends on the section.
    for (const n of [4, 5, 6]) await createArticle(ds, { author, category, title: `Short read ${n}` });
    await createArticle(ds, { author: await createAuthor(ds), category: await createCategory(ds), title: "Elsewhere" });
    for (const n of [1, 2, 3]) {
      await createArticle(ds, {
        author,
        category,
        title: `Draft ${n}`,
        status: ArticleStatus.DRAFT,
        publishedAt: null,
        updatedAt: new Date(Date.UTC(2026, 1, n)),
      });
    }
  });

  for (const [field, selection] of Object.entries(SHOWN)) {
    test(`${field}, asked alone, reads the same in every list (a directory's pages too) as on the article's own page`, async () => {
      const lists = await server().data(
        `
        query($author: String!) {
          articles(first: 10) { nodes { slug ${selection} } }
          edges: articles(first: 10) { edges { node { ... on Article { slug ${selection} } } } }
          author(slug: $author) { articles(first: 10) { nodes { ...Shown } } }
          authors(first: 50) { nodes { slug articles(first: 10) { nodes { ...Shown } } } }
        }
        fragment Shown on Article { slug ${selection} }`,
        { author: authorSlug },
      );
      for (const slug of slugs) {
        const page = (await server().data(`query($slug: String!) { article(slug: $slug) { slug ${selection} } }`, { slug })).article;
        const find = (nodes: { slug: string }[]) => nodes.find((node) => node.slug === slug);
        assert.deepEqual(find(lists.articles.nodes), page, "the front-page feed");
        assert.deepEqual(find(lists.edges.edges.map((edge: { node: { slug: string } }) => edge.node)), page, "edges { node }");
        assert.deepEqual(find(lists.author.articles.nodes), page, "the author's feed, through a fragment");
        const inDirectory = lists.authors.nodes.find((node: { slug: string }) => node.slug === authorSlug);
        assert.deepEqual(find(inDirectory.articles.nodes), page, "the author's page in the directory of authors, read with it");
      }
    });
  }

  for (const [list, selection] of Object.entries(SHOWN_IN_DIRECTORY)) {
    for (const field of selection.split(" ")) {
      test(`a directory of ${list}s asking for ${field} alone shows what the ${list}'s own lookup shows`, async () => {
        const plural = list === "category" ? "categories" : `${list}s`;
        const { [plural]: directory } = await server().data(`{ ${plural}(first: 50) { nodes { slug ${field} } } }`);
        assert.ok(directory.nodes.length > 0);
        for (const node of directory.nodes) {
          const { [list]: own } = await server().data(`query($slug: String!) { ${list}(slug: $slug) { slug ${field} } }`, { slug: node.slug });
          assert.deepEqual(node, own);
        }
      });
    }
  }

  test("pages every order by cursors when its items show only their titles", async () => {
    const editor = await signIn(server(), await createUser(server().dataSource, Role.EDITOR));
    for (const [orderBy, status] of [
      ["NEWEST", "PUBLISHED"],
      ["OLDEST", "PUBLISHED"],
      ["MOST_DISCUSSED", "PUBLISHED"],
      ["NEWEST", "DRAFT"],
      ["OLDEST", "DRAFT"],
    ]) {
      const list = `articles(first: 1, after: $after, orderBy: ${orderBy}, filter: { status: ${status} })`;
      const whole = await server().data(`query($after: String) { ${list.replace("first: 1", "first: 10")} { nodes { title } } }`, { after: null }, editor);
      const paged: string[] = [];
      let after: string | null = null;
      do {
        const { articles }: { articles: { pageInfo: { endCursor: string; hasNextPage: boolean }; nodes: { title: string }[] } } = await server().data(
          `query($after: String) { ${list} { pageInfo { endCursor hasNextPage } nodes { title } } }`,
          { after },
          editor,
        );
        paged.push(...articles.nodes.map((node) => node.title));
        after = articles.pageInfo.hasNextPage ? articles.pageInfo.endCursor : null;
      } while (after !== null);
      assert.deepEqual(
        paged,
        whole.articles.nodes.map((node: { title: string }) => node.title),
        `${orderBy} ${status}`,
      );
      assert.equal(paged.length, status === "DRAFT" ? 3 : 7, `${orderBy} ${status}`);
    }
  });

  test("an author lists the revisions of their own articles in every list: the policy reads the byline off the list row", async () => {
    const own = await signIn(server(), await createUser(server().dataSource, Role.AUTHOR, writer));
    const lists = await server().data(
      `query($author: String!) {
        articles(first: 10, filter: { authorSlug: $author }) { nodes { slug revisions(first: 1) { totalCount } } }
        author(slug: $author) { articles(first: 10) { nodes { slug revisions(first: 1) { totalCount } } } }
      }`,
      { author: authorSlug },
      own,
    );
    for (const nodes of [lists.articles.nodes, lists.author.articles.nodes]) {
      const mine = nodes.filter((node: { slug: string }) => slugs.includes(node.slug));
      assert.equal(mine.length, slugs.length);
      for (const node of mine) assert.deepEqual(node.revisions, { totalCount: 0 });
    }
  });

  test("a feed of titles reads no status, counts, dates or versions it does not show: only its order's keys", async () => {
    const [newest] = await sqlOf(server().dataSource, () => server().data(`{ articles(first: 2) { nodes { title } } }`));
    assert.doesNotMatch(newest, /_(status|author_id|category_id|keep_reading_id|updated_at|comment_count|version|word_count|reading_time_minutes)"/);
    assert.match(newest, /"article_published_at"/);
    const [discussed] = await sqlOf(server().dataSource, () => server().data(`{ articles(first: 2, orderBy: MOST_DISCUSSED) { nodes { title } } }`));
    assert.match(discussed, /"article_comment_count"/);
  });

  test("a feed showing the names of authors, sections and tags reads none of their other columns", async () => {
    const [feed] = await sqlOf(server().dataSource, () =>
      server().data(`{ articles(first: 2) { nodes { author { name } category { name } tags { name } } } }`),
    );
    assert.doesNotMatch(feed, /bio|avatar_url|created_at|description|version/);
    assert.match(feed, /_byline_name/);
  });

  test("a directory showing names reads no biographies, avatars or descriptions", async () => {
    const sql = await sqlOf(server().dataSource, () => server().data(`{ authors(first: 5) { nodes { name } } categories(first: 5) { nodes { name } } }`));
    assert.equal(sql.length, 2);
    assert.doesNotMatch(sql.join("\n"), /bio|avatar_url|created_at|description|version/);
  });

  test("an authors page asking for titles and section names reads neither lead texts nor bylines", async () => {
    const sql = await sqlOf(server().dataSource, () =>
      server().data(`{ authors(first: 5) { nodes { name articles(first: 5) { nodes { title category { name } } } } } }`),
    );
    assert.equal(sql.length, 1, "the authors and their pages are read in one statement");
    const [feed] = sql;
    assert.doesNotMatch(feed, /lead_text|_byline/);
    assert.match(feed, /"title"/);
    assert.match(feed, /_section/);
    assert.doesNotMatch(feed, /bio|avatar_url|description|_version|_status|_word_count|_updated_at/, "nor anything else the page does not show");
  });

  test("related articles, Keep Reading and Check Also read no tags unless a client asks for them", async () => {
    const sql = await sqlOf(server().dataSource, () =>
      server().data(
        `query($slug: String!) { article(slug: $slug) { relatedArticles(first: 3) { nodes { title } } keepReading { title } checkAlso { title } } }`,
        {
          slug: slugs[0],
        },
      ),
    );
    assert.doesNotMatch(sql.join("\n"), /json_agg|json_group_array/);
  });

  test("a feed of titles reads no lead text; one with excerpts reads the lead text they are cut from", async () => {
    const titles = await sqlOf(server().dataSource, () => server().data(`{ articles(first: 2) { nodes { title } } }`));
    assert.doesNotMatch(titles.join("\n"), /lead_text/);
    const excerpts = await sqlOf(server().dataSource, () => server().data(`{ articles(first: 2) { nodes { title excerpt } } }`));
    assert.match(excerpts.join("\n"), /lead_text/);
  });
});
