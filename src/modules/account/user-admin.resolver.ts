import { Arg, Args, Authorized, Ctx, ID, Mutation, Query, Resolver } from "type-graphql";
import { AccountContext } from "./account.services";
import { ConnectionArgs } from "../../shared/pagination/connection.args";
import { Connection } from "../../shared/pagination/connection.types";
import { pageRequest } from "../../shared/pagination/page-request";
import { Role, signedIn, User } from "../user";
import { usersByEmail } from "./account.service";
import { CreateUserInput, ResetUserPasswordInput, UpdateUserInput, UserConnection, UserPayload } from "./user-admin.inputs";

/** User management: admins only, since accounts carry emails. */
@Resolver(() => User)
export class UserAdminResolver {
  @Authorized(Role.ADMIN)
  @Query(() => UserConnection, { description: "Admins: every account (or those of one role), by email." })
  users(@Args() args: ConnectionArgs, @Arg("role", () => Role, { nullable: true }) role: Role | null, @Ctx() ctx: AccountContext): Promise<Connection<User>> {
    return ctx.services.accounts.list(pageRequest(args, usersByEmail), role ?? null);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => UserPayload, { description: "Admins: a new account, optionally writing under an author profile." })
  async createUser(@Arg("input") input: CreateUserInput, @Ctx() ctx: AccountContext): Promise<UserPayload> {
    return { user: await ctx.services.userAdmin.create(signedIn(ctx), input) };
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => UserPayload, {
    description: "Admins: change the role or byline, disable or enable, at the version read. Never removes the last enabled ADMIN.",
  })
  async updateUser(@Arg("input") input: UpdateUserInput, @Ctx() ctx: AccountContext): Promise<UserPayload> {
    return { user: await ctx.services.userAdmin.update(signedIn(ctx), input) };
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => UserPayload, { description: "Admins: set a new password; the account's sessions end." })
  async resetUserPassword(@Arg("input") input: ResetUserPasswordInput, @Ctx() ctx: AccountContext): Promise<UserPayload> {
    return { user: await ctx.services.userAdmin.resetPassword(signedIn(ctx), input) };
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => Boolean, { description: "Admins: delete an account that never acted (others are disabled instead), never the last enabled ADMIN." })
  deleteUser(@Arg("id", () => ID) id: string, @Ctx() ctx: AccountContext): Promise<boolean> {
    return ctx.services.userAdmin.delete(signedIn(ctx), id);
  }
}
