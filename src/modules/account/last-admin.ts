import { EntityManager } from "typeorm";
import { isPostgres } from "../../database/dialect";
import { InUseError } from "../../shared/errors";
import { Role, User } from "../user";

const messages = {
  lastAdmin: "This is the last enabled ADMIN: make another admin first.",
};

/** Whether an account with `role` counts as an admin: ADMIN and not disabled. */
export const isActiveAdmin = (role: Role, disabled: boolean) => role === Role.ADMIN && !disabled;

/**
 * Refuses (CONFLICT) demoting, disabling or deleting `userId` when no other
 * enabled ADMIN would remain. On PostgreSQL the enabled admins' rows are
 * locked FOR UPDATE first, so two admins demoting each other at the same
 * moment are serialized and the second one finds no other admin left;
 * SQLite runs one write transaction at a time anyway (`inTransaction`).
 */
export async function assertNotLastAdmin(manager: EntityManager, userId: number): Promise<void> {
  const admins = manager
    .getRepository(User)
    .createQueryBuilder("admin")
    .select("admin.id", "id")
    .where("admin.role = :admin AND admin.disabled_at IS NULL", { admin: Role.ADMIN });
  if (isPostgres(manager.connection)) admins.setLock("pessimistic_write");
  const rows = await admins.getRawMany<{ id: number | string }>();
  if (!rows.some((row) => Number(row.id) !== userId)) throw new InUseError(messages.lastAdmin, { field: "input.id" });
}
