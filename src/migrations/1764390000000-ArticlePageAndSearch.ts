import { MigrationInterface, QueryRunner } from "typeorm";
import { isPostgres } from "../database/dialect";
import { prepareBody } from "../modules/article";

const BACKFILL_BATCH = 500;

const SQLITE_SEARCH_INDEX = [
  // External content: the index stores terms only and reads columns back from `article`.
  `CREATE VIRTUAL TABLE article_search USING fts5(title, excerpt, body_text,
     content='article', content_rowid='id', tokenize='porter unicode61 remove_diacritics 2')`,
  `CREATE TRIGGER article_search_insert AFTER INSERT ON article BEGIN
     INSERT INTO article_search (rowid, title, excerpt, body_text) VALUES (new.id, new.title, new.excerpt, new.body_text);
   END`,
  `CREATE TRIGGER article_search_delete AFTER DELETE ON article BEGIN
     INSERT INTO article_search (article_search, rowid, title, excerpt, body_text)
       VALUES ('delete', old.id, old.title, old.excerpt, old.body_text);
   END`,
  // Only a change to an indexed column re-indexes: comment counts and status changes do not.
  `CREATE TRIGGER article_search_update AFTER UPDATE OF title, excerpt, body_text ON article BEGIN
     INSERT INTO article_search (article_search, rowid, title, excerpt, body_text)
       VALUES ('delete', old.id, old.title, old.excerpt, old.body_text);
     INSERT INTO article_search (rowid, title, excerpt, body_text) VALUES (new.id, new.title, new.excerpt, new.body_text);
   END`,
  `INSERT INTO article_search (article_search) VALUES ('rebuild')`,
];

const POSTGRES_SEARCH_INDEX = [
  // A stored generated column: PostgreSQL keeps it current on every INSERT and UPDATE, whoever writes.
  `ALTER TABLE article ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
     setweight(to_tsvector('english', title), 'A') ||
     setweight(to_tsvector('english', coalesce(excerpt, '')), 'B') ||
     setweight(to_tsvector('english', body_text), 'C')) STORED`,
  `CREATE INDEX article_search ON article USING GIN (search_vector)`,
];

/**
 * The article page (issue 3): the body's plain text and the editor's "Keep
 * Reading" pin as columns, stored bodies re-prepared through the write path
 * (sanitized, every block with an id), and a full-text index over title,
 * excerpt and body that the database keeps current on every write: FTS5
 * with triggers on SQLite, a generated tsvector with a GIN index on
 * PostgreSQL.
 */
export class ArticlePageAndSearch1764390000000 implements MigrationInterface {
  name = "ArticlePageAndSearch1764390000000";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE article ADD COLUMN body_text text NOT NULL DEFAULT ''`);
    await queryRunner.query(`ALTER TABLE article ADD COLUMN keep_reading_id integer REFERENCES article (id) ON DELETE SET NULL`);
    await queryRunner.query(`CREATE INDEX article_keep_reading ON article (keep_reading_id)`);
    await prepareStoredBodies(queryRunner);
    for (const sql of isPostgres(queryRunner.connection) ? POSTGRES_SEARCH_INDEX : SQLITE_SEARCH_INDEX) {
      await queryRunner.query(sql);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    if (isPostgres(queryRunner.connection)) {
      await queryRunner.query(`DROP INDEX article_search`);
      await queryRunner.query(`ALTER TABLE article DROP COLUMN search_vector`);
    } else {
      for (const trigger of ["article_search_insert", "article_search_delete", "article_search_update"]) {
        await queryRunner.query(`DROP TRIGGER ${trigger}`);
      }
      await queryRunner.query(`DROP TABLE article_search`);
    }
    await queryRunner.query(`DROP INDEX article_keep_reading`);
    await queryRunner.dropColumn("article", "keep_reading_id");
    await queryRunner.dropColumn("article", "body_text");
  }
}

/** Runs every stored body through the write path, a batch at a time, in id order. */
async function prepareStoredBodies(queryRunner: QueryRunner): Promise<void> {
  const placeholder = (n: number) => (isPostgres(queryRunner.connection) ? `$${n}` : "?");
  const update =
    `UPDATE article SET body = ${placeholder(1)}, body_text = ${placeholder(2)}, headings = ${placeholder(3)}, ` +
    `word_count = ${placeholder(4)}, reading_time_minutes = ${placeholder(5)}, lead_text = ${placeholder(6)} WHERE id = ${placeholder(7)}`;
  for (let lastId = 0; ;) {
    const rows: { id: number; body: string }[] = await queryRunner.query(
      `SELECT id, body FROM article WHERE id > ${placeholder(1)} ORDER BY id LIMIT ${BACKFILL_BATCH}`,
      [lastId],
    );
    if (rows.length === 0) return;
    for (const { id, body } of rows) {
      const prepared = prepareBody(body);
      await queryRunner.query(update, [
        prepared.html,
        prepared.bodyText,
        JSON.stringify(prepared.headings),
        prepared.wordCount,
        prepared.readingTimeMinutes,
        prepared.leadText,
        id,
      ]);
    }
    lastId = rows[rows.length - 1].id;
  }
}
