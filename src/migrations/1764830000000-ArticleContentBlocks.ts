import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Article bodies as typed blocks (issue 15): `content`, derived from the
 * body on write, and the block an editor placed "Keep Reading" after.
 * Existing rows keep `content` null: deriving it takes the article
 * module's code, which a migration does not import; the server's startup
 * backfill derives it (`ContentBackfill`), and reads derive it until then.
 */
export class ArticleContentBlocks1764830000000 implements MigrationInterface {
  name = "ArticleContentBlocks1764830000000";

  async up(queryRunner: QueryRunner): Promise<void> {
    // Plain ALTER TABLE on both stores: TypeORM's SQLite column changes rebuild the table, which would drop its search triggers.
    await queryRunner.query(`ALTER TABLE article ADD COLUMN content text`);
    await queryRunner.query(`ALTER TABLE article ADD COLUMN keep_reading_after_block_id varchar(100)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE article DROP COLUMN keep_reading_after_block_id`);
    await queryRunner.query(`ALTER TABLE article DROP COLUMN content`);
  }
}
