import { MigrationInterface, QueryRunner, Table, TableColumn, TableIndex } from "typeorm";

/**
 * Comments written by readers (issue 4): where inline feedback sits in the
 * body and when a comment was edited; idempotency keys; "Notify of"
 * subscriptions; and the transactional outbox their emails go through.
 */
export class CommentWrites1764400000000 implements MigrationInterface {
  name = "CommentWrites1764400000000";

  async up(queryRunner: QueryRunner): Promise<void> {
    const timestamp = queryRunner.connection.options.type === "postgres" ? "timestamptz" : "datetime";
    await queryRunner.addColumns("comment", [
      // The anchored block's position in the body when the comment was written: inline feedback's order.
      new TableColumn({ name: "anchor_position", type: "integer", isNullable: true }),
      new TableColumn({ name: "edited_at", type: timestamp, isNullable: true }),
    ]);
    await queryRunner.createIndices("comment", [
      new TableIndex({ name: "comment_inline_feedback", columnNames: ["article_id", "status", "anchor_position", "created_at", "id"] }),
      // The flood signal counts a commenter's recent comments.
      new TableIndex({ name: "comment_by_email", columnNames: ["author_email", "created_at"] }),
    ]);
    await queryRunner.createTable(
      new Table({
        name: "idempotency_key",
        columns: [
          { name: "operation", type: "varchar", length: "64", isPrimary: true },
          { name: "key", type: "varchar", length: "255", isPrimary: true },
          { name: "input_hash", type: "varchar", length: "64" },
          { name: "result_id", type: "integer", isNullable: true },
          { name: "created_at", type: timestamp },
        ],
        indices: [{ name: "idempotency_key_expiry", columnNames: ["created_at"] }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: "comment_subscription",
        columns: [
          { name: "id", type: "integer", isPrimary: true, isGenerated: true, generationStrategy: "increment" },
          { name: "article_id", type: "integer" },
          { name: "email", type: "varchar", length: "320" },
          { name: "mode", type: "varchar", length: "32" },
          { name: "created_at", type: timestamp },
          { name: "confirmed_at", type: timestamp, isNullable: true },
          { name: "unsubscribed_at", type: timestamp, isNullable: true },
        ],
        foreignKeys: [{ columnNames: ["article_id"], referencedTableName: "article", referencedColumnNames: ["id"], onDelete: "CASCADE" }],
        uniques: [{ name: "comment_subscription_once", columnNames: ["article_id", "email", "mode"] }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: "outbox_message",
        columns: [
          { name: "id", type: "integer", isPrimary: true, isGenerated: true, generationStrategy: "increment" },
          // What makes a message unique (a comment for a subscriber): enqueueing it twice stores it once.
          { name: "dedupe_key", type: "varchar", length: "200", isUnique: true },
          { name: "recipient", type: "varchar", length: "320" },
          { name: "subject", type: "varchar", length: "300" },
          { name: "text", type: "text" },
          { name: "created_at", type: timestamp },
          { name: "attempts", type: "integer", default: 0 },
          { name: "next_attempt_at", type: timestamp },
          { name: "locked_until", type: timestamp, isNullable: true },
          { name: "sent_at", type: timestamp, isNullable: true },
          { name: "last_error", type: "text", isNullable: true },
        ],
        indices: [{ name: "outbox_message_due", columnNames: ["sent_at", "next_attempt_at"] }],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ["outbox_message", "comment_subscription", "idempotency_key"]) await queryRunner.dropTable(table);
    await queryRunner.dropIndex("comment", "comment_by_email");
    await queryRunner.dropIndex("comment", "comment_inline_feedback");
    await queryRunner.dropColumn("comment", "edited_at");
    await queryRunner.dropColumn("comment", "anchor_position");
  }
}
