import { MigrationInterface, QueryRunner } from "typeorm";

/** SEO metadata (issue 16): the editor's overrides of the page title and meta description. Null: the headline and the excerpt. */
export class ArticleSeoOverrides1764800000000 implements MigrationInterface {
  name = "ArticleSeoOverrides1764800000000";

  async up(queryRunner: QueryRunner): Promise<void> {
    // Plain ALTER TABLE on both stores: TypeORM's SQLite column changes rebuild the table, which would drop its search triggers.
    await queryRunner.query(`ALTER TABLE article ADD COLUMN seo_title varchar(110)`);
    await queryRunner.query(`ALTER TABLE article ADD COLUMN seo_description varchar(300)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE article DROP COLUMN seo_description`);
    await queryRunner.query(`ALTER TABLE article DROP COLUMN seo_title`);
  }
}
