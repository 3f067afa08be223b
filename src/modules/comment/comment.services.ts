import { IdempotencyKeys } from "../../shared/idempotency/idempotency-keys";
import { IdTokens } from "../../shared/id-tokens";
import { LoaderFactory } from "../../shared/pagination/paged-loader";
import { RateLimiter } from "../../rate-limit/rate-limiter";
import { ArticleContext, ArticleLoaders, ArticleServices } from "../article";
import { DirectoryLoaders, DirectoryServices } from "../directory";
import { ServiceDeps } from "../feature-module";
import { UserLoaders, UserServices } from "../user";
import { createCommentLoaders } from "./comment.loaders";
import { CommentService } from "./comment.service";
import { CommentApproval } from "./moderation/comment-approval";
import { CommentModerationService } from "./moderation/comment-moderation.service";
import { CommentSubscriptionService } from "./notification/comment-subscription.service";
import { NewCommentNotices } from "./notification/new-comment-notices";
import { CommentWriterService } from "./writing/comment-writer.service";
import { CommentVoteService } from "./voting/comment-vote.service";

/** The comment write path, votes, moderation and "Notify of", over the process's event bus, outbox and rate-limit counters. */
export function commentServices({
  dataSource,
  logger,
  comments: settings,
  urls,
  contentChanged,
  pubsub,
  outboxWorker,
  events,
  rateLimitStore,
  services,
}: ServiceDeps<DirectoryServices>) {
  const tokens = new IdTokens(settings.tokenSecret);
  const limiter = new RateLimiter(rateLimitStore, settings.rateLimit, "comments");
  const commentSubscriptions = new CommentSubscriptionService(dataSource, tokens, urls.publicUrl, limiter, outboxWorker);
  const approval = new CommentApproval(new NewCommentNotices(commentSubscriptions, services.urls), pubsub, outboxWorker, events, logger);
  return {
    comments: new CommentService(dataSource),
    commentSubscriptions,
    commentWriter: new CommentWriterService(
      dataSource,
      settings,
      limiter,
      new IdempotencyKeys(),
      tokens,
      approval,
      commentSubscriptions,
      outboxWorker,
      contentChanged,
    ),
    commentModeration: new CommentModerationService(dataSource, approval, contentChanged),
    commentVotes: new CommentVoteService(dataSource, new RateLimiter(rateLimitStore, settings.voteRateLimit, "comment-votes"), contentChanged),
  };
}

export function commentLoaders(services: CommentServices, make: LoaderFactory) {
  return createCommentLoaders(services.comments, services.commentVotes, make);
}

export type CommentServices = ReturnType<typeof commentServices>;
export type CommentLoaders = ReturnType<typeof commentLoaders>;

export interface CommentContext extends ArticleContext {
  services: UserServices & DirectoryServices & ArticleServices & CommentServices;
  loaders: UserLoaders & DirectoryLoaders & ArticleLoaders & CommentLoaders;
}
