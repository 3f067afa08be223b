import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { DataSource } from "typeorm";
import { dataSourceOptions } from "../ormconfig";
import { migrations } from "../src/migrations";
import { TestDatabase, testDatabaseKinds } from "./helpers/databases";

const OLD_BODY = '<h2 id="intro">Intro</h2><p>The glacier melted.<script>alert(1)</script></p><h2>Unanchored</h2><p>More.</p>';

for (const kind of testDatabaseKinds()) {
  describe(`migrating a database that already has articles [${kind.name}]`, () => {
    let database: TestDatabase;
    let dataSource: DataSource;

    before(async () => {
      database = await kind.create();
      const initial = await new DataSource({ ...dataSourceOptions(database.url), migrations: migrations.slice(0, 1) }).initialize();
      await initial.runMigrations();
      await initial.query(`INSERT INTO author (slug, name, created_at) VALUES ('a', 'A', '2025-01-01T00:00:00Z')`);
      await initial.query(`INSERT INTO category (slug, name) VALUES ('c', 'C')`);
      await initial.query(
        `INSERT INTO article (slug, title, lead_text, body, headings, word_count, reading_time_minutes, status, published_at,
           created_at, updated_at, author_id, category_id)
         VALUES ('old', 'An old story', 'The glacier melted.', '${OLD_BODY}', '[]', 5, 1, 'PUBLISHED', '2025-01-01T00:00:00Z',
           '2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z', 1, 1)`,
      );
      await initial.destroy();
      dataSource = await new DataSource(dataSourceOptions(database.url)).initialize();
      await dataSource.runMigrations();
    });

    after(async () => {
      await dataSource?.destroy();
      await database?.drop();
    });

    test("re-prepares stored bodies through the write path and indexes them for search", async () => {
      const [row] = await dataSource.query(`SELECT body, body_text, headings FROM article WHERE slug = 'old'`);
      assert.equal(row.body, '<h2 id="intro">Intro</h2><p id="p-1">The glacier melted.</p><h2 id="unanchored">Unanchored</h2><p id="p-2">More.</p>');
      assert.equal(row.body_text, "Intro The glacier melted. Unanchored More.");
      assert.equal(JSON.parse(row.headings).length, 2);
      const matches =
        kind.name === "postgres"
          ? await dataSource.query(`SELECT id FROM article WHERE search_vector @@ plainto_tsquery('english', 'glaciers')`)
          : await dataSource.query(`SELECT rowid AS id FROM article_search WHERE article_search MATCH '"glaciers"'`);
      assert.equal(matches.length, 1);
    });

    test("reverts to the schema before it, and forward again", async () => {
      await dataSource.undoLastMigration();
      await dataSource.runMigrations();
      const [row] = await dataSource.query(`SELECT keep_reading_id, body_text FROM article WHERE slug = 'old'`);
      assert.equal(row.keep_reading_id, null);
      assert.match(row.body_text, /glacier/);
    });
  });
}
