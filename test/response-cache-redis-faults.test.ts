import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import Redis from "ioredis";
import { CachingOptions, DEFAULT_CACHING } from "../src/config";
import { Article } from "../src/modules/article/article.entity";
import { CommentStatus } from "../src/modules/comment/comment-status";
import { encodeGlobalId } from "../src/shared/global-id";
import { Role } from "../src/modules/user/role";
import { createArticle, createAuthor, createCategory, createComment } from "./factories/content";
import { createUser, signIn } from "./factories/users";
import { metric } from "./helpers/caching";
import { describeEachDatabase } from "./helpers/each-database";
import { OwnRedis } from "./helpers/own-redis";

let redis: OwnRedis;
let caching: CachingOptions;
before(async () => {
  redis = await OwnRedis.start();
  caching = { ...DEFAULT_CACHING, responseCache: "redis", redisUrl: redis.url, keyPrefix: "faults:", responseCacheTtlSeconds: 3600 };
});
after(() => redis?.stop());

describeEachDatabase(
  "the Redis response cache when Redis stalls",
  (server) => {
    test(
      "a purge that cannot reach Redis fails no write and counts a failure; reads answer uncached meanwhile; entries expire by TTL",
      { timeout: 60_000 },
      async () => {
        const ds = server().dataSource;
        const author = await createAuthor(ds);
        const article = await createArticle(ds, { author, category: await createCategory(ds) });
        const pending = await createComment(ds, { article, status: CommentStatus.PENDING });
        const editor = await signIn(server(), await createUser(ds, Role.EDITOR, author));
        const page = `query($slug: String!) { article(slug: $slug) { commentCount } }`;
        await server().graphql(page, { slug: article.slug });
        assert.equal((await server().graphql(page, { slug: article.slug })).headers.get("x-cache"), "HIT");

        const failures = await metric(server(), "response_cache_purge_failures_total");
        redis.freeze();
        try {
          const moderated = await server().data(
            `mutation($id: ID!) { moderateComment(id: $id, status: APPROVED) { status } }`,
            { id: encodeGlobalId("Comment", pending.id) },
            editor,
          );
          assert.equal(moderated.moderateComment.status, "APPROVED");
          assert.equal((await metric(server(), "response_cache_purge_failures_total")) - failures, 1);
          const during = await server().graphql(page, { slug: article.slug });
          assert.equal(during.headers.get("x-cache"), null);
          assert.equal(during.body.data.article.commentCount, 1);
        } finally {
          redis.thaw();
        }

        // Whatever reached Redis once it answered again (the timed-out purge itself, here) expires with the TTL at the latest.
        const client = new Redis(caching.redisUrl!);
        try {
          for (const key of await client.keys(`${caching.keyPrefix}response:answer:*`)) {
            const ttl = await client.ttl(key);
            assert.ok(ttl > 0 && ttl <= caching.responseCacheTtlSeconds, `${key} expires in ${ttl}`);
          }
        } finally {
          client.disconnect();
        }
        assert.equal((await server().graphql(page, { slug: article.slug })).body.data.article.commentCount, 1);
        assert.equal((await ds.getRepository(Article).findOneByOrFail({ id: article.id })).commentCount, 1);
      },
    );
  },
  () => ({ caching, comments: { settings: { moderation: "all" }, mail: { deliver: false } } }),
);
