import { DataSource } from "typeorm";
import { inTransaction } from "../../database/transaction";
import { IdempotencyKeys } from "../../shared/idempotency/idempotency-keys";
import { BadUserInputError } from "../../shared/errors";
import { checkEmail, checkText } from "../../shared/input-text";
import { Connection, connectionFrom } from "../../shared/pagination/connection.types";
import { fetchPage } from "../../shared/pagination/fetch";
import { PageRequest } from "../../shared/pagination/page-request";
import { SortOrder, byId } from "../../shared/pagination/sort-order";
import { Author } from "../directory";
import { Role, User, hashPassword, recordAudit } from "../user";

const PASSWORD_LENGTH = { min: 12, max: 1024 };

const messages = {
  emailTaken: "A user with this email already exists.",
  noAuthor: "input.authorId names no author.",
};

export interface NewUser {
  email: string;
  password: string;
  role: Role;
  authorId?: number | null;
  /** A retry with the same key returns the account the first call made (see `IdempotencyKeys.once`). */
  idempotencyKey?: string | null;
}

/** The users directory's order: by email, then id. */
export const usersByEmail: SortOrder<User> = {
  name: "users-by-email",
  direction: "ASC",
  keys: [{ column: "email", kind: "string", read: (user) => user.email }, byId],
};

/**
 * A password as typed: at least 12 characters, no control characters or
 * lone surrogates (refused as in every text input). Never trimmed: the
 * spaces someone typed are part of it.
 */
export function checkPassword(field: string, password: string): string {
  checkText(field, password, PASSWORD_LENGTH);
  if (password.length > PASSWORD_LENGTH.max) throw new BadUserInputError(`${field} must be at most ${PASSWORD_LENGTH.max} characters.`, { field });
  return password;
}

/** Accounts: created by `npm run user:create` or an admin, listed for admins. */
export class AccountService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly idempotency = new IdempotencyKeys(),
  ) {}

  /** A new account; `actorId` is the admin who made it, null for the command line. */
  async create({ email, password, role, authorId = null, idempotencyKey = null }: NewUser, actorId: number | null = null): Promise<User> {
    const normalized = checkEmail("input.email", email);
    const passwordHash = await hashPassword(checkPassword("input.password", password));
    return inTransaction(this.dataSource, async (manager) => {
      // A retry is compared on everything but the password, whose hash would otherwise be kept beside the key.
      const compared = { email: normalized, role, authorId };
      const { id } = await this.idempotency.once(manager, `createUser:${actorId ?? 0}`, idempotencyKey, compared, async () => {
        if (await manager.existsBy(User, { email: normalized })) throw new BadUserInputError(messages.emailTaken, { field: "input.email" });
        if (authorId !== null && !(await manager.existsBy(Author, { id: authorId })))
          throw new BadUserInputError(messages.noAuthor, { field: "input.authorId" });
        const { identifiers } = await manager.insert(User, {
          email: normalized,
          passwordHash,
          role,
          authorId,
          createdAt: new Date(),
          version: 1,
          disabledAt: null,
          sessionEpoch: 0,
        });
        const inserted = identifiers[0].id as number;
        await recordAudit(manager, actorId, "createUser", "User", inserted, `role ${role}`);
        return inserted;
      });
      return manager.findOneByOrFail(User, { id });
    });
  }

  /** Every account (or those of one role), by email. For admins only: it carries emails. */
  async list(request: PageRequest<User>, role: Role | null): Promise<Connection<User>> {
    const qb = this.dataSource.getRepository(User).createQueryBuilder("user");
    if (role !== null) qb.where("user.role = :role", { role });
    return connectionFrom(await fetchPage(qb, "user", request), () => qb.getCount());
  }
}
