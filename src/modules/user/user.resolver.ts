import { Arg, Ctx, Field, Mutation, ObjectType, Query, Resolver } from "type-graphql";
import { UserContext } from "./user.services";
import { User } from "./user.entity";

@ObjectType({ description: "A signed-in session." })
export class AuthPayload {
  @Field({ description: "Send it as `Authorization: Bearer <token>`; it expires." })
  token: string;

  @Field(() => User, { description: "Who signed in." })
  user: User;
}

@Resolver(() => User)
export class UserResolver {
  @Query(() => User, { nullable: true, description: "The signed-in editor or author, null for readers." })
  viewer(@Ctx() ctx: UserContext): User | null {
    return ctx.viewer;
  }

  @Mutation(() => AuthPayload, {
    description: "Signs in. The same UNAUTHENTICATED error for an unknown email and a wrong password; repeated failures are throttled.",
  })
  login(@Arg("email") email: string, @Arg("password") password: string, @Ctx() ctx: UserContext): Promise<AuthPayload> {
    return ctx.services.auth.login(email, password);
  }
}
