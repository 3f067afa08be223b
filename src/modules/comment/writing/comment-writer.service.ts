import { DataSource, EntityManager, MoreThan } from "typeorm";
import { ContentChanged, purgingAfter } from "../../../caching/content-changes";
import { inTransaction } from "../../../database/transaction";
import { RateLimiter } from "../../../rate-limit/rate-limiter";
import { BadUserInputError, ForbiddenError } from "../../../shared/errors";
import { IdempotencyKeys } from "../../../shared/idempotency/idempotency-keys";
import { IdTokens } from "../../../shared/id-tokens";
import { Article, ArticleStatus, prepareBody } from "../../article";
import { CommentSubscriptionService } from "../notification/comment-subscription.service";
import { AddCommentInput } from "./add-comment.input";
import { DeliveryWorker } from "../../../outbox/delivery-worker";
import { Announcement, CommentApproval } from "../moderation/comment-approval";
import { checkBody, NewComment, sanitizedBody, validateNewComment } from "./comment-input.validation";
import { CommentSettings } from "../../../config";
import { CommentStatus } from "../comment-status";
import { Comment } from "../comment.entity";
import { initialStatus, spamSignals } from "../moderation/moderation-policy";

export const EDIT_PURPOSE = "edit-comment";
const OPERATION = "addComment";

const messages = {
  articleNotFound: "No published article has this id.",
  parentNotFound: "The comment replied to does not exist on this article.",
  blockNotFound: "The article's body has no block with this id.",
  badEditToken: "This editToken is not valid.",
  editWindowClosed: "This comment can no longer be changed: the edit window has closed.",
};

/** What addComment answers; a retry with the same idempotency key gets the same. */
export interface AddedComment {
  comment: Comment;
  editToken: string;
}

/**
 * Readers' writes: addComment, and a guest's own comment seen, edited or
 * deleted with its editToken. Flood control counts every attempt per client
 * address and per email before anything touches the database.
 */
export class CommentWriterService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly settings: CommentSettings,
    private readonly limiter: RateLimiter,
    private readonly idempotency: IdempotencyKeys,
    private readonly tokens: IdTokens,
    private readonly approval: CommentApproval,
    private readonly subscriptions: CommentSubscriptionService,
    private readonly outbox: DeliveryWorker,
    private readonly contentChanged: ContentChanged,
  ) {}

  async add(input: AddCommentInput, clientAddress: string): Promise<AddedComment> {
    const request = validateNewComment(input);
    await this.limiter.attempt([`ip:${clientAddress}`, `email:${request.authorEmail}`]);
    const { comment, announcement } = await purgingAfter(this.contentChanged, (changed) =>
      inTransaction(this.dataSource, (manager) => this.addIn(manager, input, request, changed)),
    );
    if (announcement) await this.approval.announce(announcement);
    if (request.notify) this.outbox.nudge();
    return { comment, editToken: this.tokens.sign(EDIT_PURPOSE, comment.id) };
  }

  /** The guest's own comment, whatever its status but DELETED: how they see it while it is PENDING. */
  async byEditToken(token: string): Promise<Comment | null> {
    const id = this.tokens.verify(EDIT_PURPOSE, token);
    if (id === null) return null;
    const comment = await this.dataSource.getRepository(Comment).findOneBy({ id });
    return comment && comment.status !== CommentStatus.DELETED ? comment : null;
  }

  /** A new body for the guest's own comment, within the window; it goes through the moderation policy again. */
  async edit(token: string, rawBody: string): Promise<Comment> {
    const checked = checkBody("body", rawBody);
    const body = sanitizedBody("body", checked);
    return this.changeOwn(token, async (manager, comment, changed) => {
      const status = comment.status === CommentStatus.PENDING ? CommentStatus.PENDING : initialStatus(this.settings, spamSignals(this.settings, checked, 0));
      await this.approval.setStatus(manager, comment, status, changed, { body, editedAt: new Date() });
    });
  }

  /** Deletes the guest's own comment, within the window. */
  async delete(token: string): Promise<void> {
    await this.changeOwn(token, (manager, comment, changed) => this.approval.setStatus(manager, comment, CommentStatus.DELETED, changed).then(() => undefined));
  }

  private async addIn(
    manager: EntityManager,
    input: AddCommentInput,
    request: NewComment,
    changed: Set<string>,
  ): Promise<{ comment: Comment; announcement: Announcement | null }> {
    if (request.idempotencyKey !== null) {
      const claim = await this.idempotency.claim(manager, OPERATION, request.idempotencyKey, input);
      if (!claim.fresh) return { comment: await manager.getRepository(Comment).findOneByOrFail({ id: claim.resultId }), announcement: null };
    }
    // What the comment needs of its article: the body (the article's biggest column) only to place an anchor.
    const article = await manager.getRepository(Article).findOne({
      where: { id: request.articleId, status: ArticleStatus.PUBLISHED },
      select: { id: true, title: true, body: request.anchor !== null },
    });
    if (!article) throw new BadUserInputError(messages.articleNotFound, { field: "input.articleId" });
    await this.checkParent(manager, request);
    const anchorPosition = request.anchor ? this.anchorPosition(article, request.anchor.blockId) : null;
    const recent = await this.recentByCommenter(manager, request.authorEmail);
    const status = initialStatus(this.settings, spamSignals(this.settings, request.rawBody, recent));
    const comment = await manager.getRepository(Comment).save(
      manager.getRepository(Comment).create({
        articleId: article.id,
        parentId: request.parentId,
        authorName: request.authorName,
        authorEmail: request.authorEmail,
        body: request.body,
        // Inserted with its first status; `added` counts and notifies as `setStatus` does for later changes.
        status,
        createdAt: new Date(),
        anchorBlockId: request.anchor?.blockId ?? null,
        anchorQuote: request.anchor?.quote ?? null,
        anchorPosition,
        editedAt: null,
      }),
    );
    const announcement = await this.approval.added(manager, comment, changed);
    if (request.notify) await this.subscriptions.subscribeIn(manager, article, request.authorEmail, request.notify);
    if (request.idempotencyKey !== null) await this.idempotency.complete(manager, OPERATION, request.idempotencyKey, comment.id);
    return { comment, announcement };
  }

  private async checkParent(manager: EntityManager, request: NewComment): Promise<void> {
    if (request.parentId === null) return;
    const parent = await manager.getRepository(Comment).findOneBy({ id: request.parentId, articleId: request.articleId, status: CommentStatus.APPROVED });
    if (!parent) throw new BadUserInputError(messages.parentNotFound, { field: "input.parentId" });
  }

  /** The block's index among the body's blocks: inline feedback reads in this order. */
  private anchorPosition(article: Article, blockId: string): number {
    const position = prepareBody(article.body).blocks.findIndex((block) => block.id === blockId);
    if (position < 0) throw new BadUserInputError(messages.blockNotFound, { field: "input.anchor.blockId" });
    return position;
  }

  private recentByCommenter(manager: EntityManager, email: string): Promise<number> {
    const since = new Date(Date.now() - this.settings.floodLimit.windowMs);
    return manager.getRepository(Comment).countBy({ authorEmail: email, createdAt: MoreThan(since) });
  }

  private async changeOwn(token: string, change: (manager: EntityManager, comment: Comment, changed: Set<string>) => Promise<void>): Promise<Comment> {
    const id = this.tokens.verify(EDIT_PURPOSE, token);
    if (id === null) throw new ForbiddenError(messages.badEditToken);
    // An approved comment's new text, or its disappearance, is visible (setStatus adds its tags).
    return purgingAfter(this.contentChanged, (changed) =>
      inTransaction(this.dataSource, async (manager) => {
        const own = await manager.getRepository(Comment).findOneBy({ id });
        if (!own || own.status === CommentStatus.DELETED) throw new ForbiddenError(messages.badEditToken);
        if (Date.now() - own.createdAt.getTime() > this.settings.editWindowMs) throw new ForbiddenError(messages.editWindowClosed);
        // A guest's change never makes a comment visible (an edit keeps it PENDING or re-checks it), so nothing is announced.
        await change(manager, own, changed);
        return own;
      }),
    );
  }
}
