import { DataSource } from "typeorm";
import { ContentChanged, nothingToPurge } from "../../caching/content-changes";
import { Logger } from "../../logger";
import { DeliveryWorker } from "../../outbox/delivery-worker";
import { MailTransport } from "../../outbox/mail-transport";
import { createMailTransport } from "../../outbox/create-mail-transport";
import { createRateLimitStore } from "../../rate-limit/create-rate-limit-store";
import { RateLimiter } from "../../rate-limit/rate-limiter";
import { createPubSub } from "../../realtime/create-pubsub";
import { RedisConnections } from "../../redis/redis-connections";
import { IdempotencyKeys } from "../../shared/idempotency/idempotency-keys";
import { IdTokens } from "../../shared/id-tokens";
import { CommentSubscriptionService } from "./notification/comment-subscription.service";
import { NewCommentNotices } from "./notification/new-comment-notices";
import { CommentApproval } from "./moderation/comment-approval";
import { CommentModerationService } from "./moderation/comment-moderation.service";
import { CommentConfig, CommentSettings, DEFAULT_COMMENT_SETTINGS, DEFAULT_MAIL_SETTINGS, DEFAULT_REDIS, MailSettings } from "../../config";
import { CommentWriterService } from "./writing/comment-writer.service";

/** What the comment write path is built from; everything defaults (a single instance, mail to a file). */
export interface CommentOptions extends CommentConfig {
  /** Where the Redis clients come from (the server's, bounded by REDIS_TIMEOUT_MS); a set of its own by default. */
  redisConnections?: RedisConnections;
  /** Replaces the transport the mail settings choose (tests record mail with one). */
  transport?: MailTransport;
}

/**
 * The comment write path, "Notify of" and live updates, wired once per
 * process. `pubsub` is the deployment's event bus for every feature;
 * `close()` releases what this opened (Redis connections, the worker).
 */
export function createCommentServices(dataSource: DataSource, logger: Logger, options: CommentOptions = {}, contentChanged: ContentChanged = nothingToPurge) {
  const settings: CommentSettings = { ...DEFAULT_COMMENT_SETTINGS, ...options.settings };
  const mail: MailSettings = { ...DEFAULT_MAIL_SETTINGS, ...options.mail };
  const tokens = new IdTokens(settings.tokenSecret);
  const connections = options.redisConnections ?? new RedisConnections(DEFAULT_REDIS, logger);
  const pubsub = createPubSub(options.redisUrl, connections, logger);
  const rateLimitStore = createRateLimitStore(options.redisUrl, connections);
  const limiter = new RateLimiter(rateLimitStore, settings.rateLimit, "comments");
  const transport = options.transport ?? createMailTransport(mail, logger);
  const outboxWorker = new DeliveryWorker(dataSource, transport, logger, mail.deliver);
  const commentSubscriptions = new CommentSubscriptionService(dataSource, tokens, settings.publicUrl, limiter, outboxWorker);
  const approval = new CommentApproval(new NewCommentNotices(commentSubscriptions, settings.publicUrl), pubsub, outboxWorker, logger);
  return {
    pubsub,
    outboxWorker,
    commentSubscriptions,
    commentWriter: new CommentWriterService(dataSource, settings, limiter, new IdempotencyKeys(), tokens, approval, commentSubscriptions, outboxWorker, contentChanged),
    commentModeration: new CommentModerationService(dataSource, approval, contentChanged),
    /** Starts the outbox worker's polling (`OUTBOX_POLL_MS`; 0: deliver only right after commits). */
    startBackgroundWork: () => outboxWorker.start(mail.pollMs),
    closeComments: async () => {
      await outboxWorker.stop();
      await Promise.all([pubsub.close(), rateLimitStore.close(), transport.close?.()]);
    },
  };
}
