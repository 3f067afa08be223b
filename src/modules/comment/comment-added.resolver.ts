import { Arg, Ctx, ID, Resolver, Root, Subscription } from "type-graphql";
import { CommentContext } from "./comment.services";
import { decodeGlobalIdOf } from "../../shared/global-id";
import { Comment } from "./comment.entity";
import { CommentAddedEvent, commentAddedTopic } from "./comment-events";

@Resolver(() => Comment)
export class CommentAddedResolver {
  @Subscription(() => Comment, {
    description: "Approved comments and replies on an article as they appear (graphql-ws on /graphql).",
    subscribe: ({ args, context }) =>
      (context as CommentContext).services.pubsub.subscribe(commentAddedTopic(decodeGlobalIdOf("Article", args.articleId, "articleId"))),
  })
  async commentAdded(@Root() event: CommentAddedEvent, @Arg("articleId", () => ID) _articleId: string, @Ctx() ctx: CommentContext): Promise<Comment> {
    // Read afresh: an event carries only an id, and the comment may have been held or deleted since.
    const [comment] = await ctx.services.comments.byIds([event.commentId]);
    if (!comment) throw new Error(`comment ${event.commentId} is no longer visible`);
    return comment;
  }
}
