import { MigrationInterface, QueryRunner } from "typeorm";

/** Responsive images (issue 15): the lead image's focal point, which crops keep in view. Both null: the centre. */
export class ImageFocalPoint1764702315000 implements MigrationInterface {
  name = "ImageFocalPoint1764702315000";

  async up(queryRunner: QueryRunner): Promise<void> {
    // Plain ALTER TABLE on both stores: TypeORM's SQLite column changes rebuild the table, which would drop its search triggers.
    await queryRunner.query(`ALTER TABLE article ADD COLUMN image_focal_x double precision`);
    await queryRunner.query(`ALTER TABLE article ADD COLUMN image_focal_y double precision`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE article DROP COLUMN image_focal_y`);
    await queryRunner.query(`ALTER TABLE article DROP COLUMN image_focal_x`);
  }
}
