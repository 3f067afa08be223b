import { EntityManager } from "typeorm";
import { addCommentTags, Article } from "../../article";
import { Logger } from "../../../logger";
import { DeliveryWorker } from "../../../outbox/delivery-worker";
import { WriteEvents } from "../../../outbox/write-events";
import { encodeGlobalId } from "../../../shared/global-id";
import { PubSub } from "../../../realtime/pubsub";
import { NewCommentNotices } from "../notification/new-comment-notices";
import { CommentStatus } from "../comment-status";
import { Comment } from "../comment.entity";
import { commentAddedTopic } from "../comment-events";

/** A comment that has just become visible, and whether mail about it waits in the outbox. */
export interface Announcement {
  comment: Comment;
  mailQueued: boolean;
}

/**
 * Every comment's first status and every change of it go through here, from
 * addComment, a guest's edit or delete, and moderation alike, so that
 * `article.comment_count` (approved comments, replies included) stays exact
 * and becoming visible always has the same effects: notices queued in the
 * same transaction with `comment.approved`, then, after the commit, the
 * live event and a nudge to the outbox.
 */
export class CommentApproval {
  constructor(
    private readonly notices: NewCommentNotices,
    private readonly pubsub: PubSub,
    private readonly outbox: DeliveryWorker,
    private readonly events: WriteEvents,
    private readonly logger: Logger,
  ) {}

  /**
   * Sets `status` in `manager`'s transaction; when the comment has just become
   * visible, what to `announce` after the commit. When readers saw it before
   * or see it after, adds its article's tags to `changed`.
   */
  async setStatus(
    manager: EntityManager,
    comment: Comment,
    status: CommentStatus,
    changed: Set<string>,
    changes: Partial<Comment> = {},
  ): Promise<Announcement | null> {
    const wasApproved = comment.status === CommentStatus.APPROVED;
    Object.assign(comment, changes, { status });
    // The columns that change, and no more: `save` would read the row back first to find them.
    await manager.getRepository(Comment).update({ id: comment.id }, { ...changes, status });
    return this.statusChanged(manager, comment, wasApproved, changed);
  }

  /** A comment just inserted with its first status: the effects `setStatus` has when a comment leaves PENDING. */
  added(manager: EntityManager, comment: Comment, changed: Set<string>): Promise<Announcement | null> {
    return this.statusChanged(manager, comment, false, changed);
  }

  private async statusChanged(manager: EntityManager, comment: Comment, wasApproved: boolean, changed: Set<string>): Promise<Announcement | null> {
    const approved = comment.status === CommentStatus.APPROVED;
    if (wasApproved || approved) addCommentTags(comment.articleId, changed);
    if (wasApproved !== approved) {
      await manager.getRepository(Article).increment({ id: comment.articleId }, "commentCount", approved ? 1 : -1);
    }
    if (!approved || wasApproved) return null;
    await this.events.emit(manager, "comment.approved", {
      id: encodeGlobalId("Comment", comment.id),
      articleId: encodeGlobalId("Article", comment.articleId),
      parentId: comment.parentId == null ? null : encodeGlobalId("Comment", comment.parentId),
    });
    return { comment, mailQueued: await this.notices.enqueue(manager, comment) };
  }

  /** After the commit. A lost live event costs a refresh, never data; a missed nudge only waits for the next poll. */
  async announce({ comment, mailQueued }: Announcement): Promise<void> {
    if (mailQueued) this.outbox.nudge();
    try {
      await this.pubsub.publish(commentAddedTopic(comment.articleId), { commentId: comment.id });
    } catch (err) {
      this.logger.warn({ err, commentId: comment.id }, "commentAdded not published");
    }
  }
}
