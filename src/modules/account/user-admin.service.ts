import { DataSource, EntityManager } from "typeorm";
import { QueryDeepPartialEntity } from "typeorm/query-builder/QueryPartialEntity";
import { inTransaction } from "../../database/transaction";
import { BadUserInputError, InUseError, NotFoundError } from "../../shared/errors";
import { updateAtVersionOf } from "../../shared/versioned-update";
import { AuditEvent, hashPassword, recordAudit, User } from "../user";
import { AccountService, checkPassword } from "./account.service";
import { Author } from "../directory";
import { decodeGlobalIdOf, encodeGlobalId } from "../../shared/global-id";
import { assertNotLastAdmin, isActiveAdmin } from "./last-admin";
import { CreateUserInput, ResetUserPasswordInput, UpdateUserInput } from "./user-admin.inputs";

const messages = {
  notFound: "No such user.",
  noAuthor: "input.authorId names no author.",
  hasActed: (count: number) =>
    `This account did ${count} things recorded in the audit trail; deleting it would leave them without an actor. Disable it instead (updateUser with disabled: true).`,
};

/** What admins do to accounts. Every change is one transaction with its audit event. */
export class UserAdminService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly users: AccountService,
  ) {}

  create(admin: User, input: CreateUserInput): Promise<User> {
    const authorId = input.authorId == null ? null : decodeGlobalIdOf("Author", input.authorId, "input.authorId");
    return this.users.create({ email: input.email, password: input.password, role: input.role, authorId, idempotencyKey: input.idempotencyKey }, admin.id);
  }

  /** Role, byline and disabling, at the version read; never leaves the publication without an enabled ADMIN. */
  update(admin: User, input: UpdateUserInput): Promise<User> {
    const id = decodeGlobalIdOf("User", input.id, "input.id");
    const authorId = input.authorId == null ? input.authorId : decodeGlobalIdOf("Author", input.authorId, "input.authorId");
    return inTransaction(this.dataSource, async (manager) => {
      const user = await this.existing(manager, id);
      const changes: QueryDeepPartialEntity<User> = {};
      const details: string[] = [];
      if (input.role != null && input.role !== user.role) {
        changes.role = input.role;
        details.push(`role ${user.role} -> ${input.role}`);
      }
      if (authorId !== undefined && authorId !== user.authorId) {
        if (authorId !== null && !(await manager.existsBy(Author, { id: authorId })))
          throw new BadUserInputError(messages.noAuthor, { field: "input.authorId" });
        changes.authorId = authorId;
        details.push(`author ${authorId === null ? "unlinked" : encodeGlobalId("Author", authorId)}`);
      }
      if (input.disabled != null && input.disabled !== user.disabled) {
        changes.disabledAt = input.disabled ? new Date() : null;
        // Disabling ends every session for good: re-enabling does not revive old tokens.
        if (input.disabled) changes.sessionEpoch = () => "session_epoch + 1";
        details.push(input.disabled ? "disabled" : "enabled");
      }
      if (isActiveAdmin(user.role, user.disabled) && !isActiveAdmin(input.role ?? user.role, input.disabled ?? user.disabled)) {
        await assertNotLastAdmin(manager, id);
      }
      await updateAtVersionOf(manager, User, "user", id, input.version, changes);
      await recordAudit(manager, admin.id, "updateUser", "User", id, details.join("; ") || null);
      return this.existing(manager, id);
    });
  }

  /** A new password; the account's existing sessions end. */
  async resetPassword(admin: User, input: ResetUserPasswordInput): Promise<User> {
    const id = decodeGlobalIdOf("User", input.id, "input.id");
    const passwordHash = await hashPassword(checkPassword("input.password", input.password));
    return inTransaction(this.dataSource, async (manager) => {
      await this.existing(manager, id);
      await manager.update(User, { id }, { passwordHash, sessionEpoch: () => "session_epoch + 1", version: () => "version + 1" });
      await recordAudit(manager, admin.id, "resetUserPassword", "User", id);
      return this.existing(manager, id);
    });
  }

  /**
   * Deletes an account that never acted: one that appears in the audit trail
   * as the actor is a CONFLICT (disable it instead), so the trail never
   * loses who did what. The last enabled ADMIN is never deleted.
   */
  delete(admin: User, globalId: string): Promise<boolean> {
    const id = decodeGlobalIdOf("User", globalId, "id");
    return inTransaction(this.dataSource, async (manager) => {
      const user = await this.existing(manager, id);
      if (isActiveAdmin(user.role, user.disabled)) await assertNotLastAdmin(manager, id);
      const acted = await manager.countBy(AuditEvent, { userId: id });
      if (acted > 0) throw new InUseError(messages.hasActed(acted), { auditEvents: acted, field: "id" });
      await manager.delete(User, { id });
      await recordAudit(manager, admin.id, "deleteUser", "User", id, `role ${user.role}`);
      return true;
    });
  }

  private async existing(manager: EntityManager, id: number): Promise<User> {
    const user = await manager.findOneBy(User, { id });
    if (!user) throw new NotFoundError(messages.notFound, { field: "id" });
    return user;
  }
}
