import { MigrationInterface, QueryRunner, Table, TableColumnOptions, TableForeignKeyOptions } from "typeorm";

/**
 * Authors, sections, tags, articles, comments and users, with an index for
 * every feed order. Written with TypeORM's Table API so the one migration
 * runs on SQLite and PostgreSQL; only the timestamp type differs.
 */
export class InitialSchema1764380000000 implements MigrationInterface {
  name = "InitialSchema1764380000000";

  async up(queryRunner: QueryRunner): Promise<void> {
    const timestamp = queryRunner.connection.options.type === "postgres" ? "timestamptz" : "datetime";
    const id: TableColumnOptions = { name: "id", type: "integer", isPrimary: true, isGenerated: true, generationStrategy: "increment" };
    const slug: TableColumnOptions = { name: "slug", type: "varchar", length: "200", isUnique: true };
    const name: TableColumnOptions = { name: "name", type: "varchar", length: "200" };
    const references = (column: string, table: string, onDelete = "CASCADE"): TableForeignKeyOptions => ({
      columnNames: [column],
      referencedTableName: table,
      referencedColumnNames: ["id"],
      onDelete,
    });

    await queryRunner.createTable(
      new Table({
        name: "author",
        columns: [
          id,
          slug,
          name,
          { name: "bio", type: "text", isNullable: true },
          { name: "avatar_url", type: "varchar", length: "2000", isNullable: true },
          { name: "created_at", type: timestamp },
        ],
        indices: [{ columnNames: ["name", "id"] }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: "category",
        columns: [id, slug, name, { name: "description", type: "text", isNullable: true }],
        indices: [{ columnNames: ["name", "id"] }],
      }),
    );
    await queryRunner.createTable(new Table({ name: "tag", columns: [id, slug, name], indices: [{ columnNames: ["name", "id"] }] }));
    await queryRunner.createTable(
      new Table({
        name: "article",
        columns: [
          id,
          { ...slug, length: "300" },
          { name: "title", type: "varchar", length: "300" },
          { name: "subtitle", type: "varchar", length: "500", isNullable: true },
          { name: "excerpt", type: "text", isNullable: true },
          { name: "lead_text", type: "text" },
          { name: "body", type: "text" },
          { name: "headings", type: "text" },
          { name: "word_count", type: "integer" },
          { name: "reading_time_minutes", type: "integer" },
          { name: "status", type: "varchar", length: "16" },
          { name: "published_at", type: timestamp, isNullable: true },
          { name: "created_at", type: timestamp },
          { name: "updated_at", type: timestamp },
          { name: "version", type: "integer", default: 1 },
          { name: "author_id", type: "integer" },
          { name: "category_id", type: "integer" },
          { name: "comment_count", type: "integer", default: 0 },
          { name: "image_url", type: "varchar", length: "2000", isNullable: true },
          { name: "image_alt", type: "varchar", length: "500", isNullable: true },
          { name: "image_caption", type: "varchar", length: "1000", isNullable: true },
          { name: "image_width", type: "integer", isNullable: true },
          { name: "image_height", type: "integer", isNullable: true },
        ],
        foreignKeys: [references("author_id", "author", "RESTRICT"), references("category_id", "category", "RESTRICT")],
        indices: [
          { name: "article_feed", columnNames: ["status", "published_at", "id"] },
          { name: "article_author_feed", columnNames: ["author_id", "status", "published_at", "id"] },
          { name: "article_category_feed", columnNames: ["category_id", "status", "published_at", "id"] },
          { name: "article_most_discussed", columnNames: ["status", "comment_count", "published_at", "id"] },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: "article_tag",
        columns: [
          { name: "article_id", type: "integer", isPrimary: true },
          { name: "tag_id", type: "integer", isPrimary: true },
        ],
        foreignKeys: [references("article_id", "article"), references("tag_id", "tag")],
        indices: [{ name: "article_tag_by_tag", columnNames: ["tag_id", "article_id"] }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: "comment",
        columns: [
          id,
          { name: "article_id", type: "integer" },
          { name: "parent_id", type: "integer", isNullable: true },
          { name: "author_name", type: "varchar", length: "200" },
          { name: "author_email", type: "varchar", length: "320" },
          { name: "body", type: "text" },
          { name: "status", type: "varchar", length: "16" },
          { name: "created_at", type: timestamp },
          { name: "anchor_block_id", type: "varchar", length: "200", isNullable: true },
          { name: "anchor_quote", type: "text", isNullable: true },
        ],
        foreignKeys: [references("article_id", "article"), references("parent_id", "comment")],
        indices: [
          { name: "comment_thread", columnNames: ["article_id", "status", "created_at", "id"] },
          { name: "comment_replies", columnNames: ["parent_id", "status", "created_at", "id"] },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: "user",
        columns: [
          id,
          { name: "email", type: "varchar", length: "320", isUnique: true },
          { name: "password_hash", type: "varchar", length: "500" },
          { name: "role", type: "varchar", length: "16" },
          { name: "author_id", type: "integer", isNullable: true },
          { name: "created_at", type: timestamp },
        ],
        foreignKeys: [references("author_id", "author", "SET NULL")],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ["user", "comment", "article_tag", "article", "tag", "category", "author"]) {
      await queryRunner.dropTable(table);
    }
  }
}
