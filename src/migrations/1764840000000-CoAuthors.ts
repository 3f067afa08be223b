import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Co-authored bylines (issue 15): every author of an article, in byline
 * order, the lead at position 0. `article.author_id` stays, always the lead:
 * feeds join it, and related articles rank by it. Every existing article
 * gets its one author as its byline.
 */
export class CoAuthors1764840000000 implements MigrationInterface {
  name = "CoAuthors1764840000000";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE article_author (
        article_id integer NOT NULL REFERENCES article (id) ON DELETE CASCADE,
        author_id integer NOT NULL REFERENCES author (id) ON DELETE RESTRICT,
        position integer NOT NULL,
        PRIMARY KEY (article_id, author_id)
      )`,
    );
    // Whose bylines an author is in (merges, deletes, filter.authorSlug); and the few articles each author
    // co-wrote without leading, which "Load More By" reads beside those they lead (article_author_feed).
    await queryRunner.query(`CREATE INDEX article_author_by_author ON article_author (author_id, article_id)`);
    await queryRunner.query(`CREATE INDEX article_coauthor_by_author ON article_author (author_id, article_id) WHERE position > 0`);
    await queryRunner.query(`INSERT INTO article_author (article_id, author_id, position) SELECT id, author_id, 0 FROM article`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE article_author`);
  }
}
