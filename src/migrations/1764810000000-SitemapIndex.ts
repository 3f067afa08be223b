import { MigrationInterface, QueryRunner } from "typeorm";
import { isPostgres } from "../database/dialect";

/**
 * Sitemaps (issue 16): published articles in id order with their last
 * change, so that the sitemap index groups them into pages, and a child
 * sitemap counts and dates its id range, from the index alone.
 * SQLite has no INCLUDE: the column joins the key there. A SQLite database
 * that has statistics gets this index's too: without them the planner takes
 * an unanalyzed index for a selective one, and read the newest publication
 * and each tag's newest article through this one, every published row each
 * time (the sitemap index took 35 s at 100,000 articles).
 */
export class SitemapIndex1764810000000 implements MigrationInterface {
  name = "SitemapIndex1764810000000";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      isPostgres(queryRunner.connection)
        ? `CREATE INDEX article_sitemap ON article (status, id) INCLUDE (updated_at)`
        : `CREATE INDEX article_sitemap ON article (status, id, updated_at)`,
    );
    if (!isPostgres(queryRunner.connection) && (await queryRunner.query(`SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'`)).length > 0) {
      await queryRunner.query(`ANALYZE article_sitemap`);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX article_sitemap`);
  }
}
