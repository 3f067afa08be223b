import { MigrationInterface, QueryRunner } from "typeorm";
import { isPostgres } from "../database/dialect";

/**
 * Sitemaps (issue 16): published articles in id order with their last
 * change, so that the sitemap index groups them into pages, and a child
 * sitemap counts and dates its id range, from the index alone.
 * SQLite has no INCLUDE: the column joins the key there.
 */
export class SitemapIndex1764810000000 implements MigrationInterface {
  name = "SitemapIndex1764810000000";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      isPostgres(queryRunner.connection)
        ? `CREATE INDEX article_sitemap ON article (status, id) INCLUDE (updated_at)`
        : `CREATE INDEX article_sitemap ON article (status, id, updated_at)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX article_sitemap`);
  }
}
