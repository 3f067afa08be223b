import { DataSource } from "typeorm";
import { Author } from "../../src/modules/directory/author/author.entity";
import { Role } from "../../src/modules/user/role";
import { User } from "../../src/modules/user/user.entity";
import { AccountService } from "../../src/modules/account";
import { TestServer } from "../helpers/test-server";

export const PASSWORD = "correct horse battery staple";

let sequence = 0;

/** An account through the same service as `npm run user:create`, with the test password. */
export function createUser(ds: DataSource, role: Role, author: Author | null = null): Promise<User> {
  sequence += 1;
  return new AccountService(ds).create({ email: `${role.toLowerCase()}${sequence}@example.com`, password: PASSWORD, role, authorId: author?.id ?? null });
}

/** Signs `user` in over HTTP; the headers to send as them. */
export async function signIn(server: TestServer, user: User): Promise<Record<string, string>> {
  const { login } = await server.data(`mutation($email: String!, $password: String!) { login(email: $email, password: $password) { token } }`, {
    email: user.email,
    password: PASSWORD,
  });
  return { authorization: `Bearer ${login.token}` };
}
