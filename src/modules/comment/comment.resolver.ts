import { Args, Ctx, FieldResolver, Int, Resolver, Root } from "type-graphql";
import { CommentContext } from "./comment.services";
import { ConnectionArgs } from "../../shared/pagination/connection.args";
import { Connection, connectionFrom } from "../../shared/pagination/connection.types";
import { pageRequest } from "../../shared/pagination/page-request";
import { Article } from "../article";
import { CommentConnection } from "./comment.connection";
import { Comment } from "./comment.entity";
import { commentOrders } from "./comment.orders";

@Resolver(() => Comment)
export class CommentResolver {
  @FieldResolver(() => Article, { description: "The article the comment is on." })
  article(@Root() comment: Comment, @Ctx() ctx: CommentContext): Promise<Article | null> {
    return ctx.loaders.articleById.load(comment.articleId);
  }

  @FieldResolver(() => Comment, { nullable: true, description: "The comment this one replies to." })
  parent(@Root() comment: Comment, @Ctx() ctx: CommentContext): Promise<Comment | null> | null {
    return comment.parentId === null ? null : ctx.loaders.commentById.load(comment.parentId);
  }

  @FieldResolver(() => CommentConnection, { description: "Direct replies, oldest first." })
  async replies(@Root() comment: Comment, @Args() args: ConnectionArgs, @Ctx() ctx: CommentContext): Promise<Connection<Comment>> {
    const page = await ctx.loaders.repliesByComment(pageRequest(args, commentOrders.OLDEST)).load(comment.id);
    return connectionFrom(page, () => ctx.loaders.replyCountByComment.load(comment.id));
  }

  @FieldResolver(() => Int, { description: "Approved direct replies." })
  replyCount(@Root() comment: Comment, @Ctx() ctx: CommentContext): Promise<number> {
    return ctx.loaders.replyCountByComment.load(comment.id);
  }
}
