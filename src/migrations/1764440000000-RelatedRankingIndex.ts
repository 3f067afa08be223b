import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * What the related-articles ranking reads of each of its ~2,000 candidates
 * (status, publication time, section, author), in an index keyed by id:
 * read from the table, those columns sit after the 5 KB body, and SQLite
 * walked the body's overflow pages for each candidate (most of a ranking's
 * time; BENCHMARKS.md has the figures); PostgreSQL reads
 * it index-only instead of fetching every candidate's heap row.
 */
export class RelatedRankingIndex1764440000000 implements MigrationInterface {
  name = "RelatedRankingIndex1764440000000";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX article_ranking ON article (id, status, published_at, category_id, author_id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX article_ranking`);
  }
}
