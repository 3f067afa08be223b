import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { CachingOptions } from "../src/config";
import { ArticleStatus } from "../src/modules/article/article-status";
import { Article } from "../src/modules/article/article.entity";
import { ArticleTag } from "../src/modules/directory/tag/article-tag.entity";
import { Tag } from "../src/modules/directory/tag/tag.entity";
import { Role } from "../src/modules/user/role";
import { ServerDeps } from "../src/server";
import { encodeGlobalId } from "../src/shared/global-id";
import { createArticle, createAuthor, createCategory, createTag } from "./factories/content";
import { createUser, signIn } from "./factories/users";
import { CacheStore, cachingFor, dropKeys, metric } from "./helpers/caching";
import { describeEachDatabase } from "./helpers/each-database";
import { TestServer } from "./helpers/test-server";

/** An article page's reading path and its comment count: what a comment changes and what it does not. */
const PAGE = `query Page($slug: String!) {
  article(slug: $slug) {
    commentCount
    relatedArticles(first: 3) { totalCount edges { score reasons node { slug } } }
    keepReading { slug }
  }
}`;
const BY_ID = `query Related($id: ID!) { article(id: $id) { relatedArticles(first: 3) { edges { node { slug } } } } }`;
const ADD_COMMENT = `mutation($id: ID!) {
  addComment(input: { articleId: $id, authorName: "Reader", authorEmail: "reader@example.com", body: "Well said" }) { comment { status } }
}`;
const PUBLISH = `mutation($id: ID!, $version: Int!) { publishArticle(id: $id, version: $version) { article { status } } }`;

interface Page {
  commentCount: number;
  relatedArticles: { totalCount: number; edges: { score: number; reasons: string[]; node: { slug: string } }[] };
  keepReading: { slug: string } | null;
}

for (const store of ["memory", "redis"] as CacheStore[]) {
  let caching: CachingOptions;
  const options = (): Partial<ServerDeps> => {
    // A TTL no test outlives: only purges drop what is kept.
    caching = cachingFor(store, { responseCacheTtlSeconds: 3600 });
    return { caching, comments: { mail: { deliver: false } } };
  };

  describeEachDatabase(
    `related-articles rankings kept beside the response cache (${store})`,
    (server) => {
      let editor: Record<string, string>;

      before(async () => {
        const ds = server().dataSource;
        editor = await signIn(server(), await createUser(ds, Role.EDITOR, await createAuthor(ds)));
      });

      after(async () => {
        await dropKeys(caching);
      });

      /** An article of a new author, section and tag: nothing that another test writes relates to it. */
      const loneArticle = async (overrides: Partial<Article> & { tags?: Tag[] } = {}) => {
        const ds = server().dataSource;
        return createArticle(ds, { author: await createAuthor(ds), category: await createCategory(ds), ...overrides });
      };
      /** A published article and one other, sharing a tag of their own. */
      const pair = async () => {
        const tag = await createTag(server().dataSource);
        return { tag, other: await loneArticle({ tags: [tag] }), source: await loneArticle({ tags: [tag] }) };
      };
      const page = async (target: TestServer, slug: string): Promise<{ page: Page; statements: number; hit: boolean }> => {
        const before = await target.queriesSent();
        const response = await target.graphql(PAGE, { slug });
        assert.equal(response.body.errors, undefined);
        return { page: response.body.data.article, statements: (await target.queriesSent()) - before, hit: response.headers.get("x-cache") === "HIT" };
      };
      const comment = async (article: Article) => {
        const { addComment } = await server().data(ADD_COMMENT, { id: encodeGlobalId("Article", article.id) });
        assert.equal(addComment.comment.status, "APPROVED");
      };

      test("a comment purges the page, but the page computed again reads its ranking from the cache: one statement fewer, the same answer", async () => {
        const { source, other } = await pair();
        const first = await page(server(), source.slug);
        assert.equal(first.hit, false);
        assert.deepEqual(
          first.page.relatedArticles.edges.map((edge) => edge.node.slug),
          [other.slug],
        );
        await comment(source);
        const hits = await metric(server(), "fragment_cache_hits_total");
        const again = await page(server(), source.slug);
        assert.equal(again.hit, false, "the comment purged the page");
        assert.equal(again.page.commentCount, first.page.commentCount + 1);
        assert.deepEqual(again.page.relatedArticles, first.page.relatedArticles);
        assert.deepEqual(again.page.keepReading, first.page.keepReading);
        assert.equal(again.statements, first.statements - 1, "the ranking's statement is not sent again");
        assert.equal((await metric(server(), "fragment_cache_hits_total")) - hits, 1);
      });

      test("a ranking kept for a page of 3 answers a page of 20 too: it is kept as deep as any first page reads", async () => {
        const related = (first: number) => `query($slug: String!) { article(slug: $slug) { relatedArticles(first: ${first}) { edges { node { slug } } } } }`;
        const statementsOf = async (query: string, slug: string) => {
          const before = await server().queriesSent();
          const { article } = await server().data(query, { slug });
          return {
            slugs: article.relatedArticles.edges.map((edge: { node: { slug: string } }) => edge.node.slug),
            statements: (await server().queriesSent()) - before,
          };
        };
        const sixRelated = async () => {
          const tag = await createTag(server().dataSource);
          const others = [];
          for (let i = 0; i < 6; i++) others.push(await loneArticle({ tags: [tag] }));
          return { source: await loneArticle({ tags: [tag] }), others };
        };
        const kept = await sixRelated();
        await page(server(), kept.source.slug);
        const deep = await statementsOf(related(20), kept.source.slug);
        assert.equal(deep.slugs.length, 6);
        const fresh = await sixRelated();
        const unkept = await statementsOf(related(20), fresh.source.slug);
        assert.equal(unkept.slugs.length, 6);
        assert.equal(deep.statements, unkept.statements - 1, "the kept ranking answers the longer page");
      });

      test("publishing an article that shares a tag purges the rankings it may enter", async () => {
        const { tag, source, other } = await pair();
        const first = await page(server(), source.slug);
        const next = await loneArticle({ tags: [tag], status: ArticleStatus.DRAFT, publishedAt: null });
        await comment(source);
        assert.equal((await page(server(), source.slug)).statements, first.statements - 1);
        const published = await server().data(PUBLISH, { id: encodeGlobalId("Article", next.id), version: next.version }, editor);
        assert.equal(published.publishArticle.article.status, "PUBLISHED");
        const after = await page(server(), source.slug);
        assert.deepEqual(after.page.relatedArticles.edges.map((edge) => edge.node.slug).sort(), [other.slug, next.slug].sort());
        assert.equal(after.page.relatedArticles.totalCount, 2);
        assert.equal(after.statements, first.statements, "the ranking is computed again");
      });

      test("a draft's ranking is never kept: a change that purges nothing shows at once", async () => {
        const ds = server().dataSource;
        const tag = await createTag(ds);
        const other = await loneArticle({ tags: [tag] });
        const draft = await loneArticle({ status: ArticleStatus.DRAFT, publishedAt: null });
        const id = encodeGlobalId("Article", draft.id);
        const slugs = async () =>
          (await server().data(BY_ID, { id }, editor)).article.relatedArticles.edges.map((edge: { node: { slug: string } }) => edge.node.slug);
        const hits = await metric(server(), "fragment_cache_hits_total");
        assert.deepEqual(await slugs(), []);
        // Tagged behind the editor's back: a draft's changes purge nothing, so only a ranking never kept can show it.
        await ds.getRepository(ArticleTag).insert({ articleId: draft.id, tagId: tag.id });
        assert.deepEqual(await slugs(), [other.slug]);
        assert.deepEqual(await slugs(), [other.slug]);
        assert.equal(await metric(server(), "fragment_cache_hits_total"), hits);
      });

      if (store === "redis") {
        test("instances share what they keep: a second instance's page reads the first one's ranking", async () => {
          const { source } = await pair();
          const first = await page(server(), source.slug);
          await comment(source);
          const sibling = await server().sibling({ caching, comments: { mail: { deliver: false } } });
          try {
            const there = await page(sibling, source.slug);
            assert.equal(there.hit, false);
            assert.equal(there.statements, first.statements - 1);
            assert.deepEqual(there.page.relatedArticles, first.page.relatedArticles);
          } finally {
            await sibling.stop();
          }
        });
      }
    },
    options,
  );
}
