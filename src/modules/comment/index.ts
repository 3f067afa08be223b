import { tags } from "../../caching/cache-tags";
import { defineModule } from "../feature-module";
import { ArticleCommentsResolver } from "./article-comments.resolver";
import { BlockFeedbackResolver } from "./block-feedback.resolver";
import { CommentAddedResolver } from "./comment-added.resolver";
import { commentLoaders, commentServices } from "./comment.services";
import { Comment } from "./comment.entity";
import { CommentResolver } from "./comment.resolver";
import { ModerateCommentResolver } from "./moderation/moderate-comment.resolver";
import { CommentSubscription } from "./notification/comment-subscription.entity";
import { NotificationResolver } from "./notification/notification.resolver";
import { CommentWriterResolver } from "./writing/comment-writer.resolver";
import { CommentVoteResolver } from "./voting/comment-vote.resolver";
import { CommentVote } from "./voting/comment-vote.entity";

const thread = (articleId: number) => tags.thread(articleId);

/** The comment area: threads and inline feedback, writing, votes, moderation, "Notify of" and live comments. */
export const commentModule = defineModule({
  name: "comment",
  resolvers: [
    ArticleCommentsResolver,
    BlockFeedbackResolver,
    CommentResolver,
    CommentWriterResolver,
    CommentVoteResolver,
    ModerateCommentResolver,
    NotificationResolver,
  ],
  subscriptions: [CommentAddedResolver],
  entities: [Comment, CommentVote, CommentSubscription],
  services: commentServices,
  loaders: commentLoaders,
  cacheTags: {
    objects: [{ type: Comment, tag: (comment: Comment) => thread(comment.articleId) }],
    lists: {
      "Article.comments": (parent: { id: number }, _args, add) => add(thread(parent.id)),
      "Article.inlineFeedback": (parent: { id: number }, _args, add) => add(thread(parent.id)),
      // The blocks' inline feedback counts change with the thread.
      "Article.content": (parent: { id: number }, _args, add) => add(thread(parent.id)),
      "Comment.replies": (parent: Comment, _args, add) => add(thread(parent.articleId)),
    },
  },
});

export { Comment } from "./comment.entity";
export { CommentStatus } from "./comment-status";
export type { CommentContext, CommentLoaders, CommentServices } from "./comment.services";
