import { MigrationInterface, QueryRunner } from "typeorm";
import { isPostgres } from "../database/dialect";

/**
 * An article page's reads of its thread that cost the same whatever the
 * thread's size. Inline feedback (comments pinned to a block) is a few
 * among thousands: its index holds only those, with the block id, so its
 * page and its counts by block read nothing else. The top-level count reads
 * an index of top-level comments alone, from the index. Both are partial
 * indexes, which SQLite and PostgreSQL pick for the queries that name their
 * condition (`anchor_block_id IS NOT NULL`, `parent_id IS NULL`). A SQLite
 * database that has statistics gets these indexes' too: the planner takes
 * an unanalyzed index for a selective one (see SitemapIndex).
 */
export class CommentPartialIndexes1764850000000 implements MigrationInterface {
  name = "CommentPartialIndexes1764850000000";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX comment_inline_feedback`);
    await queryRunner.query(
      `CREATE INDEX comment_inline_feedback ON comment (article_id, status, anchor_position, created_at, id, anchor_block_id)
       WHERE anchor_block_id IS NOT NULL`,
    );
    // parent_id in the key as well: SQLite checks the condition's column even when the index's own condition implies it.
    await queryRunner.query(`CREATE INDEX comment_top_level ON comment (article_id, status, created_at, id, parent_id) WHERE parent_id IS NULL`);
    if (!isPostgres(queryRunner.connection) && (await queryRunner.query(`SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'`)).length > 0) {
      await queryRunner.query(`ANALYZE comment`);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX comment_top_level`);
    await queryRunner.query(`DROP INDEX comment_inline_feedback`);
    await queryRunner.query(`CREATE INDEX comment_inline_feedback ON comment (article_id, status, anchor_position, created_at, id)`);
  }
}
