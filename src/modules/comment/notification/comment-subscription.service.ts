import { DataSource, EntityManager, IsNull } from "typeorm";
import { inTransaction } from "../../../database/transaction";
import { DeliveryWorker } from "../../../outbox/delivery-worker";
import { enqueueMail } from "../../../outbox/outbox";
import { RateLimiter } from "../../../rate-limit/rate-limiter";
import { checkEmail } from "../../../shared/input-text";
import { Article, ArticleStatus } from "../../article";
import { decodeGlobalIdOf } from "../../../shared/global-id";
import { BadUserInputError } from "../../../shared/errors";
import { IdTokens } from "../../../shared/id-tokens";
import { CommentSubscription } from "./comment-subscription.entity";
import { notificationMessages } from "./notification-messages";
import { NotifyMode } from "./notify-mode";

export const CONFIRM_PURPOSE = "confirm-subscription";
export const UNSUBSCRIBE_PURPOSE = "unsubscribe";

/** A confirmation goes out at most once an hour per subscription, however often it is asked for. */
const CONFIRMATION_BUCKET_MS = 60 * 60_000;

/**
 * "Notify of" with double opt-in: a subscription starts unconfirmed with a
 * confirmation mail in the outbox; only a confirmed, not unsubscribed one
 * is ever notified. Answers never tell whether an address was subscribed.
 */
export class CommentSubscriptionService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tokens: IdTokens,
    private readonly publicUrl: string,
    private readonly limiter: RateLimiter,
    private readonly outbox: DeliveryWorker,
  ) {}

  /** subscribeToComments: flood control counts it like a comment, per client address and per email. */
  async subscribe(articleGlobalId: string, rawEmail: string, mode: NotifyMode, clientAddress: string): Promise<void> {
    const articleId = decodeGlobalIdOf("Article", articleGlobalId, "articleId");
    const email = checkEmail("email", rawEmail);
    await this.limiter.attempt([`ip:${clientAddress}`, `email:${email}`]);
    await inTransaction(this.dataSource, async (manager) => {
      const article = await manager.getRepository(Article).findOneBy({ id: articleId, status: ArticleStatus.PUBLISHED });
      if (!article) throw new BadUserInputError("No published article has this id.", { field: "articleId" });
      await this.subscribeIn(manager, article, email, mode);
    });
    this.outbox.nudge();
  }

  /** In the caller's transaction (addComment's `notify`). Subscribing again after unsubscribing starts over. */
  async subscribeIn(manager: EntityManager, article: Pick<Article, "id" | "title">, email: string, mode: NotifyMode): Promise<void> {
    const repository = manager.getRepository(CommentSubscription);
    await repository
      .createQueryBuilder()
      .insert()
      .values({ articleId: article.id, email, mode, createdAt: new Date(), confirmedAt: null, unsubscribedAt: null })
      .orIgnore()
      .execute();
    const subscription = await repository.findOneByOrFail({ articleId: article.id, email, mode });
    if (subscription.confirmedAt && !subscription.unsubscribedAt) return;
    if (subscription.unsubscribedAt) await repository.update(subscription.id, { unsubscribedAt: null, confirmedAt: null });
    const bucket = Math.floor(Date.now() / CONFIRMATION_BUCKET_MS);
    await enqueueMail(
      manager,
      `confirm:${subscription.id}:${bucket}`,
      notificationMessages.confirm(
        email,
        this.publicUrl,
        article.title,
        this.tokens.sign(CONFIRM_PURPOSE, subscription.id),
        this.unsubscribeToken(subscription.id),
      ),
    );
  }

  async confirm(token: string): Promise<void> {
    const id = this.idOf(CONFIRM_PURPOSE, token);
    await this.subscriptions().update({ id, confirmedAt: IsNull() }, { confirmedAt: new Date() });
  }

  async unsubscribe(token: string): Promise<void> {
    const id = this.idOf(UNSUBSCRIBE_PURPOSE, token);
    await this.subscriptions().update({ id, unsubscribedAt: IsNull() }, { unsubscribedAt: new Date() });
  }

  unsubscribeToken(subscriptionId: number): string {
    return this.tokens.sign(UNSUBSCRIBE_PURPOSE, subscriptionId);
  }

  private idOf(purpose: string, token: string): number {
    const id = this.tokens.verify(purpose, token);
    if (id === null) throw new BadUserInputError("This link is not valid.", { field: "token" });
    return id;
  }

  private subscriptions() {
    return this.dataSource.getRepository(CommentSubscription);
  }
}
