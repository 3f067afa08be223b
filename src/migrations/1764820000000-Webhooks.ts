import { MigrationInterface, QueryRunner, Table } from "typeorm";

/**
 * Webhooks (issue 16): the endpoints admins register, one delivery row per
 * endpoint per event (its outbox message is the queue, this row what admins
 * see of it), and a textual result for idempotency keys whose result is not
 * a row id (preview tokens).
 */
export class Webhooks1764820000000 implements MigrationInterface {
  name = "Webhooks1764820000000";

  async up(queryRunner: QueryRunner): Promise<void> {
    const timestamp = queryRunner.connection.options.type === "postgres" ? "timestamptz" : "datetime";
    await queryRunner.createTable(
      new Table({
        name: "webhook",
        columns: [
          { name: "id", type: "integer", isPrimary: true, isGenerated: true, generationStrategy: "increment" },
          { name: "url", type: "varchar", length: "2048" },
          { name: "events", type: "varchar", length: "500" },
          { name: "secret", type: "varchar", length: "100" },
          { name: "created_by_id", type: "integer", isNullable: true },
          { name: "created_at", type: timestamp },
          { name: "updated_at", type: timestamp },
          { name: "failing_since", type: timestamp, isNullable: true },
          { name: "disabled_at", type: timestamp, isNullable: true },
        ],
        foreignKeys: [{ columnNames: ["created_by_id"], referencedTableName: "user", referencedColumnNames: ["id"], onDelete: "SET NULL" }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: "webhook_delivery",
        columns: [
          { name: "id", type: "integer", isPrimary: true, isGenerated: true, generationStrategy: "increment" },
          { name: "webhook_id", type: "integer" },
          { name: "message_id", type: "varchar", length: "64", isUnique: true },
          { name: "event", type: "varchar", length: "40" },
          { name: "payload", type: "text" },
          { name: "status", type: "varchar", length: "16" },
          { name: "attempts", type: "integer", default: 0 },
          { name: "last_response_status", type: "integer", isNullable: true },
          { name: "last_response_excerpt", type: "varchar", length: "300", isNullable: true },
          { name: "last_error", type: "varchar", length: "300", isNullable: true },
          { name: "next_attempt_at", type: timestamp, isNullable: true },
          { name: "created_at", type: timestamp },
          { name: "delivered_at", type: timestamp, isNullable: true },
        ],
        foreignKeys: [{ columnNames: ["webhook_id"], referencedTableName: "webhook", referencedColumnNames: ["id"], onDelete: "CASCADE" }],
        indices: [{ name: "webhook_delivery_by_webhook", columnNames: ["webhook_id", "id"] }],
      }),
    );
    await queryRunner.query(`ALTER TABLE idempotency_key ADD COLUMN result_text varchar(255)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE idempotency_key DROP COLUMN result_text`);
    await queryRunner.dropTable("webhook_delivery");
    await queryRunner.dropTable("webhook");
  }
}
