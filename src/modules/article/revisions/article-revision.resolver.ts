import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { ArticleContext } from "../article.services";
import { Author, Category, Tag } from "../../directory";
import { ArticleRevision } from "./article-revision.entity";

@Resolver(() => ArticleRevision)
export class ArticleRevisionResolver {
  @FieldResolver(() => Category, { nullable: true, description: "The section at the time; null if it has since been deleted." })
  category(@Root() revision: ArticleRevision, @Ctx() ctx: ArticleContext): Promise<Category | null> {
    return ctx.loaders.categoryById.load(revision.content.categoryId);
  }

  @FieldResolver(() => [Tag], { description: "The tags at the time that still exist." })
  async tags(@Root() revision: ArticleRevision, @Ctx() ctx: ArticleContext): Promise<Tag[]> {
    const tags = await ctx.loaders.tagById.loadMany(revision.content.tagIds);
    return tags.filter((tag): tag is Tag => tag instanceof Tag);
  }

  @FieldResolver(() => Author, { nullable: true, description: "The byline of whoever saved it; null for the scheduler or an account without one." })
  async savedBy(@Root() revision: ArticleRevision, @Ctx() ctx: ArticleContext): Promise<Author | null> {
    if (revision.userId === null) return null;
    const user = await ctx.loaders.userById.load(revision.userId);
    return user?.authorId == null ? null : ctx.loaders.authorById.load(user.authorId);
  }
}
