import { GraphQLResolveInfo } from "graphql";
import { Args, Ctx, FieldResolver, Info, Int, Resolver, Root } from "type-graphql";
import { CommentContext } from "./comment.services";
import { ConnectionArgs } from "../../shared/pagination/connection.args";
import { Connection, connectionFrom } from "../../shared/pagination/connection.types";
import { nodeFieldsOf } from "../../shared/pagination/node-fields";
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
  async replies(
    @Root() comment: Comment,
    @Args() args: ConnectionArgs,
    @Ctx() ctx: CommentContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Connection<Comment>> {
    const page = await ctx.loaders.repliesByComment.ofField(info, () => pageRequest(args, commentOrders.OLDEST, nodeFieldsOf(info))).load(comment.id);
    return connectionFrom(page, async () => replyCountOf(comment, ctx));
  }

  @FieldResolver(() => Int, { description: "Approved direct replies." })
  replyCount(@Root() comment: Comment, @Ctx() ctx: CommentContext): Promise<number> | number {
    return replyCountOf(comment, ctx);
  }
}

/** Counted with the comment when its page read them (see `commentPageShape`), else by the request's loader. */
function replyCountOf(comment: Comment, ctx: CommentContext): Promise<number> | number {
  return comment.countedReplies ?? ctx.loaders.replyCountByComment.load(comment.id);
}
