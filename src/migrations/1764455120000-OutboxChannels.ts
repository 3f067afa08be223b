import { MigrationInterface, QueryRunner, TableColumn } from "typeorm";

/** The outbox carries more than mail (issue 12): each message names the channel that delivers it. */
export class OutboxChannels1764455120000 implements MigrationInterface {
  name = "OutboxChannels1764455120000";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn("outbox_message", new TableColumn({ name: "channel", type: "varchar", length: "20", default: "'mail'" }));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn("outbox_message", "channel");
  }
}
