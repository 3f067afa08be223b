import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { User } from "../../user";
import { DirectoryContext } from "../directory.services";
import { Author } from "./author.entity";

/** `User.author`: accounts know their byline only by id; the directory owns authors. */
@Resolver(() => User)
export class UserBylineResolver {
  @FieldResolver(() => Author, { nullable: true, description: "The byline the user writes under, if any." })
  author(@Root() user: User, @Ctx() ctx: DirectoryContext): Promise<Author | null> | null {
    return user.authorId === null ? null : ctx.loaders.authorById.load(user.authorId);
  }
}
