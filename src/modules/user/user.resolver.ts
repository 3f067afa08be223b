import { Arg, Ctx, Field, FieldResolver, Mutation, ObjectType, Query, Resolver, Root } from "type-graphql";
import { Context } from "../../context";
import { Author } from "../directory/author/author.entity";
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
  viewer(@Ctx() ctx: Context): User | null {
    return ctx.viewer;
  }

  @Mutation(() => AuthPayload, {
    description: "Signs in. The same UNAUTHENTICATED error for an unknown email and a wrong password; repeated failures are throttled.",
  })
  login(@Arg("email") email: string, @Arg("password") password: string, @Ctx() ctx: Context): Promise<AuthPayload> {
    return ctx.services.auth.login(email, password);
  }

  @FieldResolver(() => Author, { nullable: true, description: "The byline the user writes under, if any." })
  author(@Root() user: User, @Ctx() ctx: Context): Promise<Author | null> | null {
    return user.authorId === null ? null : ctx.loaders.authorById.load(user.authorId);
  }
}
