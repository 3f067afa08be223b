import { Args, Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { Context } from "../../context";
import { ConnectionArgs } from "../../shared/pagination/connection.args";
import { Connection, connectionFrom } from "../../shared/pagination/connection.types";
import { pageRequest } from "../../shared/pagination/page-request";
import { Article } from "../article/article.entity";
import { CommentConnection } from "./comment.connection";
import { Comment } from "./comment.entity";
import { inlineFeedbackOrder } from "./comment.orders";

@Resolver(() => Article)
export class InlineFeedbackResolver {
  @FieldResolver(() => CommentConnection, {
    description: "Inline feedback: approved comments pinned to passages of the body, replies included, in the order of their blocks, then oldest first.",
  })
  async inlineFeedback(@Root() article: Article, @Args() args: ConnectionArgs, @Ctx() ctx: Context): Promise<Connection<Comment>> {
    const page = await ctx.loaders.inlineFeedbackByArticle(pageRequest(args, inlineFeedbackOrder)).load(article.id);
    return connectionFrom(page, () => ctx.loaders.inlineFeedbackCountByArticle.load(article.id));
  }
}
