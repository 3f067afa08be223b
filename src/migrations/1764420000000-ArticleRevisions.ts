import { MigrationInterface, QueryRunner, Table } from "typeorm";
import { isPostgres } from "../database/dialect";

/** Revisions of published articles (issue 5): who saved what, with a snapshot to restore. */
export class ArticleRevisions1764420000000 implements MigrationInterface {
  name = "ArticleRevisions1764420000000";

  async up(queryRunner: QueryRunner): Promise<void> {
    const timestamp = isPostgres(queryRunner.connection) ? "timestamptz" : "datetime";
    await queryRunner.createTable(
      new Table({
        name: "article_revision",
        columns: [
          { name: "id", type: "integer", isPrimary: true, isGenerated: true, generationStrategy: "increment" },
          { name: "article_id", type: "integer" },
          { name: "user_id", type: "integer", isNullable: true },
          { name: "action", type: "varchar", length: "16" },
          { name: "changed_fields", type: "text" },
          { name: "content", type: "text" },
          { name: "created_at", type: timestamp },
        ],
        foreignKeys: [
          { columnNames: ["article_id"], referencedTableName: "article", referencedColumnNames: ["id"], onDelete: "CASCADE" },
          { columnNames: ["user_id"], referencedTableName: "user", referencedColumnNames: ["id"], onDelete: "SET NULL" },
        ],
        indices: [{ columnNames: ["article_id", "id"] }],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable("article_revision");
  }
}
