import { DataSource, In } from "typeorm";
import { inKeyOrder } from "../../shared/batch";
import { BadUserInputError } from "../../shared/errors";
import { checkEmail } from "../../shared/input-text";
import { hashPassword } from "./password";
import { Role } from "./role";
import { User } from "./user.entity";

const MIN_PASSWORD_LENGTH = 12;

const messages = {
  emailTaken: "A user with this email already exists.",
  password: `password must be at least ${MIN_PASSWORD_LENGTH} characters.`,
};

export interface NewUser {
  email: string;
  password: string;
  role: Role;
  authorId?: number | null;
}

/** Accounts: created by `npm run user:create`, read as the viewer (and by admins). */
export class UserService {
  constructor(private readonly dataSource: DataSource) {}

  async create({ email, password, role, authorId = null }: NewUser): Promise<User> {
    const normalized = checkEmail("email", email);
    if (password.length < MIN_PASSWORD_LENGTH) throw new BadUserInputError(messages.password, { field: "password" });
    const users = this.dataSource.getRepository(User);
    if (await users.existsBy({ email: normalized })) throw new BadUserInputError(messages.emailTaken, { field: "email" });
    const passwordHash = await hashPassword(password);
    return users.save(users.create({ email: normalized, passwordHash, role, authorId, createdAt: new Date() }));
  }

  async byIds(ids: readonly number[]): Promise<(User | null)[]> {
    return inKeyOrder(ids, await this.dataSource.getRepository(User).findBy({ id: In([...ids]) }), (user) => user.id);
  }
}
