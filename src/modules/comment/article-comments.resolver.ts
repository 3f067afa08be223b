import { GraphQLResolveInfo } from "graphql";
import { Args, Ctx, FieldResolver, Info, Resolver, Root } from "type-graphql";
import { CommentContext } from "./comment.services";
import { ConnectionArgs } from "../../shared/pagination/connection.args";
import { Connection, connectionFrom } from "../../shared/pagination/connection.types";
import { nodeFieldsOf } from "../../shared/pagination/node-fields";
import { pageRequest } from "../../shared/pagination/page-request";
import { Article } from "../article";
import { CommentConnection } from "./comment.connection";
import { Comment } from "./comment.entity";
import { CommentsArgs } from "./comment.inputs";
import { CommentOrder, commentOrders, inlineFeedbackOrder } from "./comment.orders";

/** The comment area's fields on articles. */
@Resolver(() => Article)
export class ArticleCommentsResolver {
  @FieldResolver(() => CommentConnection, { description: "Top-level comments; replies page under each comment." })
  async comments(
    @Root() article: Article,
    @Args() args: CommentsArgs,
    @Ctx() ctx: CommentContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Connection<Comment>> {
    const request = () => pageRequest(args, commentOrders[args.orderBy ?? CommentOrder.OLDEST], nodeFieldsOf(info));
    const page = await ctx.loaders.commentsByArticle.ofField(info, request).load(article.id);
    return connectionFrom(page, () => ctx.loaders.commentCountByArticle.load(article.id));
  }

  @FieldResolver(() => CommentConnection, {
    description: "Inline feedback: approved comments pinned to passages of the body, replies included, in the order of their blocks, then oldest first.",
  })
  async inlineFeedback(
    @Root() article: Article,
    @Args() args: ConnectionArgs,
    @Ctx() ctx: CommentContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Connection<Comment>> {
    const request = () => pageRequest(args, inlineFeedbackOrder, nodeFieldsOf(info));
    const page = await ctx.loaders.inlineFeedbackByArticle.ofField(info, request).load(article.id);
    return connectionFrom(page, () => ctx.loaders.inlineFeedbackCountByArticle.load(article.id));
  }
}
