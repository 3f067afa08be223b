import assert from "node:assert/strict";
import { test } from "node:test";
import { createLoaders, releaseLoaders } from "../src/context";
import { ServerDeps } from "../src/server";
import { createServices } from "../src/services";
import { BATCHED } from "../src/shared/pagination/paged-loader";
import { createArticle, createAuthor, createCategory } from "./factories/content";
import { describeEachDatabase } from "./helpers/each-database";

/** No scheduler tick nor outbox poll may land between two readings of db_queries_total. */
const QUIET: Partial<ServerDeps> = { schedulerIntervalMs: 0, comments: { mail: { pollMs: 0 } } };

describeEachDatabase(
  "a request's loaders, released",
  (server) => {
    test("let go of what they read: a later read makes them anew and sends its statement again", async () => {
      const ds = server().dataSource;
      const article = await createArticle(ds, { author: await createAuthor(ds), category: await createCategory(ds) });
      const loaders = createLoaders(createServices(ds), BATCHED);
      const before = await server().queriesSent();

      await loaders.articleById.load(article.id);
      await loaders.articleById.load(article.id);
      assert.equal((await server().queriesSent()) - before, 1, "the second read is the loader's cache");

      releaseLoaders(loaders);
      const again = await loaders.articleById.load(article.id);
      assert.equal(again?.title, article.title);
      assert.equal((await server().queriesSent()) - before, 2, "released, the loader's cache is gone");
    });
  },
  QUIET,
);
