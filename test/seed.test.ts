import assert from "node:assert/strict";
import { test } from "node:test";
import { seedDatabase } from "../src/seed/seed";
import { describeEachDatabase } from "./helpers/each-database";

describeEachDatabase("seeding generated content", (server) => {
  test("seeds as many authors as the largest bench database has (1,000), and serves them", async () => {
    const summary = await seedDatabase(server().dataSource, { articles: 40, authors: 1000, tags: 20, commentsPerArticle: 1 });
    assert.equal(summary.authors, 1000);
    const data = await server().data(`{ authors(first: 1) { totalCount } articles(first: 1) { totalCount } }`);
    assert.equal(data.authors.totalCount, 1000);
    assert.ok(data.articles.totalCount > 0, "some of the 40 articles are published");
  });
});
