import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { Context } from "../../../context";
import { Author } from "../../directory/author/author.entity";
import { Category } from "../../directory/category/category.entity";
import { Tag } from "../../directory/tag/tag.entity";
import { ArticleRevision } from "./article-revision.entity";

@Resolver(() => ArticleRevision)
export class ArticleRevisionResolver {
  @FieldResolver(() => Category, { nullable: true, description: "The section at the time; null if it has since been deleted." })
  category(@Root() revision: ArticleRevision, @Ctx() ctx: Context): Promise<Category | null> {
    return ctx.loaders.categoryById.load(revision.content.categoryId);
  }

  @FieldResolver(() => [Tag], { description: "The tags at the time that still exist." })
  async tags(@Root() revision: ArticleRevision, @Ctx() ctx: Context): Promise<Tag[]> {
    const tags = await ctx.loaders.tagById.loadMany(revision.content.tagIds);
    return tags.filter((tag): tag is Tag => tag instanceof Tag);
  }

  @FieldResolver(() => Author, { nullable: true, description: "The byline of whoever saved it; null for the scheduler or an account without one." })
  async savedBy(@Root() revision: ArticleRevision, @Ctx() ctx: Context): Promise<Author | null> {
    if (revision.userId === null) return null;
    const user = await ctx.loaders.userById.load(revision.userId);
    return user?.authorId == null ? null : ctx.loaders.authorById.load(user.authorId);
  }
}
