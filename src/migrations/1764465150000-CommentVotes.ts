import { MigrationInterface, QueryRunner, Table } from "typeorm";

/**
 * Comment votes (issue 15): one row per reader per comment, and on the
 * comment row the counts and the keys of the BEST and TOP orders, each with
 * a thread index to page on. The columns are added with plain ALTER TABLE,
 * which both stores take in place (TypeORM's addColumns would copy the
 * whole comment table on SQLite).
 */
export class CommentVotes1764465150000 implements MigrationInterface {
  name = "CommentVotes1764465150000";

  async up(queryRunner: QueryRunner): Promise<void> {
    const timestamp = queryRunner.connection.options.type === "postgres" ? "timestamptz" : "datetime";
    for (const column of ["upvotes integer", "downvotes integer", "net_votes integer", "wilson_lower_bound double precision"]) {
      await queryRunner.query(`ALTER TABLE comment ADD COLUMN ${column} NOT NULL DEFAULT 0`);
    }
    await queryRunner.query(`CREATE INDEX comment_thread_best ON comment (article_id, status, wilson_lower_bound, id)`);
    await queryRunner.query(`CREATE INDEX comment_thread_top ON comment (article_id, status, net_votes, id)`);
    await queryRunner.createTable(
      new Table({
        name: "comment_vote",
        columns: [
          { name: "comment_id", type: "integer", isPrimary: true },
          { name: "voter", type: "varchar", length: "64", isPrimary: true },
          { name: "value", type: "integer" },
          { name: "voted_at", type: timestamp },
        ],
        foreignKeys: [{ columnNames: ["comment_id"], referencedTableName: "comment", referencedColumnNames: ["id"], onDelete: "CASCADE" }],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable("comment_vote");
    await queryRunner.query(`DROP INDEX comment_thread_top`);
    await queryRunner.query(`DROP INDEX comment_thread_best`);
    for (const column of ["wilson_lower_bound", "net_votes", "downvotes", "upvotes"]) await queryRunner.query(`ALTER TABLE comment DROP COLUMN ${column}`);
  }
}
