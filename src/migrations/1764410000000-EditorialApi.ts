import { MigrationInterface, QueryRunner, Table, TableColumnOptions } from "typeorm";
import { isPostgres } from "../database/dialect";

/**
 * The editorial API (issue 5): failed sign-ins for the throttle, the first
 * publication time that freezes an article's slug, the old slugs that keep
 * answering after a rename, and the audit trail.
 */
export class EditorialApi1764410000000 implements MigrationInterface {
  name = "EditorialApi1764410000000";

  async up(queryRunner: QueryRunner): Promise<void> {
    const timestamp = isPostgres(queryRunner.connection) ? "timestamptz" : "datetime";
    const id: TableColumnOptions = { name: "id", type: "integer", isPrimary: true, isGenerated: true, generationStrategy: "increment" };
    await queryRunner.query(`ALTER TABLE article ADD COLUMN first_published_at ${timestamp}`);
    await queryRunner.query(`UPDATE article SET first_published_at = published_at WHERE status IN ('PUBLISHED', 'ARCHIVED')`);
    await queryRunner.createTable(
      new Table({
        name: "login_failure",
        columns: [id, { name: "email", type: "varchar", length: "320" }, { name: "failed_at", type: timestamp }],
        indices: [{ columnNames: ["email", "failed_at"] }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: "article_slug",
        columns: [
          { name: "slug", type: "varchar", length: "300", isPrimary: true },
          { name: "article_id", type: "integer" },
        ],
        foreignKeys: [{ columnNames: ["article_id"], referencedTableName: "article", referencedColumnNames: ["id"], onDelete: "CASCADE" }],
        indices: [{ columnNames: ["article_id"] }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: "audit_event",
        columns: [
          id,
          { name: "user_id", type: "integer", isNullable: true },
          { name: "action", type: "varchar", length: "40" },
          { name: "object_type", type: "varchar", length: "20" },
          { name: "object_id", type: "integer" },
          { name: "at", type: timestamp },
        ],
        foreignKeys: [{ columnNames: ["user_id"], referencedTableName: "user", referencedColumnNames: ["id"], onDelete: "SET NULL" }],
        indices: [{ columnNames: ["at", "id"] }, { columnNames: ["object_type", "object_id"] }],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ["audit_event", "article_slug", "login_failure"]) await queryRunner.dropTable(table);
    await queryRunner.query(`ALTER TABLE article DROP COLUMN first_published_at`);
  }
}
