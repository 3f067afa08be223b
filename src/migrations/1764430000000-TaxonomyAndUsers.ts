import { MigrationInterface, QueryRunner } from "typeorm";
import { isPostgres } from "../database/dialect";

const VERSIONED = ["author", "category", "tag", `"user"`];

/**
 * Taxonomy and user management (issue 5): a version on authors, sections,
 * tags and users so that their updates are conditional like an article's;
 * disabled accounts and the epoch that ends an account's sessions (bumped
 * when it is disabled or its password reset); and a short detail on audit events (what changed),
 * indexed by actor for the admins' audit query.
 */
export class TaxonomyAndUsers1764430000000 implements MigrationInterface {
  name = "TaxonomyAndUsers1764430000000";

  async up(queryRunner: QueryRunner): Promise<void> {
    const timestamp = isPostgres(queryRunner.connection) ? "timestamptz" : "datetime";
    for (const table of VERSIONED) await queryRunner.query(`ALTER TABLE ${table} ADD COLUMN version integer NOT NULL DEFAULT 1`);
    await queryRunner.query(`ALTER TABLE "user" ADD COLUMN disabled_at ${timestamp}`);
    await queryRunner.query(`ALTER TABLE "user" ADD COLUMN session_epoch integer NOT NULL DEFAULT 0`);
    await queryRunner.query(`ALTER TABLE audit_event ADD COLUMN detail varchar(500)`);
    await queryRunner.query(`CREATE INDEX audit_event_by_actor ON audit_event (user_id, at, id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX audit_event_by_actor`);
    await queryRunner.query(`ALTER TABLE audit_event DROP COLUMN detail`);
    await queryRunner.query(`ALTER TABLE "user" DROP COLUMN session_epoch`);
    await queryRunner.query(`ALTER TABLE "user" DROP COLUMN disabled_at`);
    for (const table of VERSIONED) await queryRunner.query(`ALTER TABLE ${table} DROP COLUMN version`);
  }
}
