import { MigrationInterface, QueryRunner, Table } from "typeorm";

/**
 * "Most read" (issue 15): each window's readers of each article in buckets
 * (`ArticleViewBucket`). The key leads with the article, for the view
 * counts of a page's articles; the second index leads with the window and
 * bucket, for MOST_READ's sums over every article and for the flush's
 * deletion of buckets that left their window, and carries the views so
 * that both read it alone.
 */
export class ArticleViews1764460000000 implements MigrationInterface {
  name = "ArticleViews1764460000000";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: "article_view_bucket",
        columns: [
          { name: "article_id", type: "integer", isPrimary: true },
          { name: "read_window", type: "varchar", length: "8", isPrimary: true },
          { name: "bucket_start", type: "integer", isPrimary: true },
          { name: "views", type: "integer" },
        ],
        foreignKeys: [{ columnNames: ["article_id"], referencedTableName: "article", referencedColumnNames: ["id"], onDelete: "CASCADE" }],
        indices: [{ name: "article_view_bucket_by_window", columnNames: ["read_window", "bucket_start", "article_id", "views"] }],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable("article_view_bucket");
  }
}
