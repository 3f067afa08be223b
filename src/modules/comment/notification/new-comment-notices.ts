import { Brackets, EntityManager } from "typeorm";
import { enqueueMail } from "../../../outbox/outbox";
import { Article } from "../../article";
import { Category, PublicUrls } from "../../directory";
import { visibleText } from "../writing/comment-body";
import { Comment } from "../comment.entity";
import { CommentSubscription } from "./comment-subscription.entity";
import { CommentSubscriptionService } from "./comment-subscription.service";
import { notificationMessages } from "./notification-messages";
import { NotifyMode } from "./notify-mode";

/**
 * Queues the mail an approved comment calls for, in the transaction that
 * approved it: one per confirmed subscriber of its article, NEW_COMMENTS
 * or, for a reply, REPLIES_TO_MY_COMMENTS of the parent's author; never to
 * the commenter. One mail per subscriber and comment, however often the
 * comment is approved (the outbox dedupes on both).
 */
export class NewCommentNotices {
  constructor(
    private readonly subscriptions: CommentSubscriptionService,
    private readonly urls: PublicUrls,
  ) {}

  /** True when mail was queued. The article is read only then: most comments have nobody to notify. */
  async enqueue(manager: EntityManager, comment: Comment): Promise<boolean> {
    const subscribers = await this.subscribersOf(manager, comment);
    if (subscribers.length === 0) return false;
    const article = await manager.findOneByOrFail(Article, { id: comment.articleId });
    const text = visibleText(comment.body);
    const section = this.urls.articlesNameSection ? await manager.findOneBy(Category, { id: article.categoryId }) : null;
    const articleUrl = this.urls.article(article, section);
    for (const subscriber of subscribers) {
      await enqueueMail(
        manager,
        `comment:${comment.id}:${subscriber.email}`,
        notificationMessages.newComment(
          subscriber.email,
          this.urls.home,
          articleUrl,
          article,
          comment.authorName,
          text,
          this.subscriptions.unsubscribeToken(subscriber.id),
        ),
      );
    }
    return true;
  }

  private async subscribersOf(manager: EntityManager, comment: Comment): Promise<CommentSubscription[]> {
    const query = manager
      .getRepository(CommentSubscription)
      .createQueryBuilder("subscription")
      .where("subscription.article_id = :articleId", { articleId: comment.articleId })
      .andWhere("subscription.confirmed_at IS NOT NULL AND subscription.unsubscribed_at IS NULL")
      .andWhere("subscription.email <> :commenter", { commenter: comment.authorEmail })
      .andWhere(
        new Brackets((modes) => {
          modes.where("subscription.mode = :everything", { everything: NotifyMode.NEW_COMMENTS });
          if (comment.parentId !== null) {
            modes.orWhere(
              "(subscription.mode = :replies AND subscription.email = (SELECT parent.author_email FROM comment parent WHERE parent.id = :parentId))",
              { replies: NotifyMode.REPLIES_TO_MY_COMMENTS, parentId: comment.parentId },
            );
          }
        }),
      )
      .orderBy("subscription.id");
    return query.getMany();
  }
}
