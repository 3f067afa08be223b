import { DataSource, EntityManager, IsNull } from "typeorm";
import { WebhookOptions } from "../../../config";
import { inTransaction } from "../../../database/transaction";
import { Logger } from "../../../logger";
import { MAX_ATTEMPTS } from "../../../outbox/delivery-worker";
import { OutboxMessage } from "../../../outbox/outbox-message.entity";
import { enqueueMail } from "../../../outbox/outbox";
import { User } from "../../user";
import { Webhook } from "../webhook.entity";
import { resolveDeliveryAddress } from "../webhook-url";
import { postWebhook } from "./post-webhook";
import { signWebhook } from "./signature";
import { DeliveryStatus, WebhookDelivery } from "./webhook-delivery.entity";

/** The outbox channel of webhook deliveries: a message's recipient is its `webhook_delivery` row id. */
export const WEBHOOK_CHANNEL = "webhook";

interface Attempt {
  status: number | null;
  excerpt: string | null;
  error: string | null;
}

/**
 * Sends a webhook delivery when the outbox worker hands it over: signed
 * afresh for each attempt (a new `webhook-timestamp`, the same `webhook-id`
 * and body). A failure is recorded and rethrown so the worker retries it
 * after the endpoint schedule's next wait; after the last, or once the
 * endpoint is disabled, the delivery is FAILED and the message done.
 */
export class WebhookSender {
  constructor(
    private readonly dataSource: DataSource,
    private readonly options: WebhookOptions,
    private readonly logger: Logger,
    private readonly now: () => Date = () => new Date(),
  ) {
    if (options.retryDelaysMs.length >= MAX_ATTEMPTS) throw new Error(`at most ${MAX_ATTEMPTS - 1} webhook retries: the outbox makes ${MAX_ATTEMPTS} attempts`);
  }

  /** The wait after the `attempts`-th failed attempt (the worker's backoff for this channel). */
  readonly backoff = (attempts: number): number => this.options.retryDelaysMs[Math.min(attempts, this.options.retryDelaysMs.length) - 1] ?? 0;

  async send(message: OutboxMessage): Promise<void> {
    const delivery = await this.dataSource.getRepository(WebhookDelivery).findOneBy({ id: Number(message.recipient) });
    // A deleted endpoint took its deliveries with it: nothing left to send.
    const webhook = delivery && (await this.dataSource.getRepository(Webhook).findOneBy({ id: delivery.webhookId }));
    if (!delivery || !webhook) return;
    if (webhook.disabledAt !== null) {
      await this.record(this.dataSource.manager, delivery, { status: DeliveryStatus.SKIPPED, nextAttemptAt: null });
      return;
    }
    const attempt = await this.attempt(webhook, delivery);
    const attempts = message.attempts + 1;
    const results = { attempts, lastResponseStatus: attempt.status, lastResponseExcerpt: attempt.excerpt, lastError: attempt.error };
    if (attempt.error === null) {
      await inTransaction(this.dataSource, async (manager) => {
        await this.record(manager, delivery, { ...results, status: DeliveryStatus.SUCCEEDED, nextAttemptAt: null, deliveredAt: this.now() });
        await manager.update(Webhook, { id: webhook.id }, { failingSince: null });
      });
      return;
    }
    const retrying = await inTransaction(this.dataSource, async (manager) => {
      const disabled = await this.noteFailure(manager, webhook);
      const retrying = !disabled && attempts <= this.options.retryDelaysMs.length;
      const nextAttemptAt = retrying ? new Date(this.now().getTime() + this.backoff(attempts)) : null;
      await this.record(manager, delivery, { ...results, status: retrying ? DeliveryStatus.PENDING : DeliveryStatus.FAILED, nextAttemptAt });
      return retrying;
    });
    if (retrying) throw new Error(`webhook ${webhook.id} delivery ${delivery.messageId} failed: ${attempt.error}`);
  }

  private async attempt(webhook: Webhook, delivery: WebhookDelivery): Promise<Attempt> {
    try {
      const address = await resolveDeliveryAddress(webhook.url, this.options.allowPrivate);
      const timestamp = Math.floor(this.now().getTime() / 1000);
      const headers = {
        "webhook-id": delivery.messageId,
        "webhook-timestamp": String(timestamp),
        "webhook-signature": signWebhook(webhook.secret, delivery.messageId, timestamp, delivery.payload),
      };
      const response = await postWebhook(webhook.url, address, headers, delivery.payload, this.options.requestTimeoutMs);
      const ok = response.status >= 200 && response.status < 300;
      return { status: response.status, excerpt: response.excerpt, error: ok ? null : `HTTP ${response.status}` };
    } catch (error) {
      return { status: null, excerpt: null, error: (error instanceof Error ? error.message : String(error)).slice(0, 300) };
    }
  }

  /**
   * Marks the endpoint failing (from now, unless it already was); once it
   * has failed for `disableAfterMs` with no success, disables it and mails
   * its admin, in this transaction. True when the endpoint is disabled.
   */
  private async noteFailure(manager: EntityManager, webhook: Webhook): Promise<boolean> {
    const now = this.now();
    await manager.update(Webhook, { id: webhook.id, failingSince: IsNull() }, { failingSince: now });
    const current = await manager.findOneByOrFail(Webhook, { id: webhook.id });
    if (current.disabledAt !== null) return true;
    if (now.getTime() - current.failingSince!.getTime() < this.options.disableAfterMs) return false;
    const { affected } = await manager.update(Webhook, { id: webhook.id, disabledAt: IsNull() }, { disabledAt: now, updatedAt: now });
    if (affected !== 1) return true;
    this.logger.warn({ webhookId: webhook.id, url: webhook.url }, "webhook disabled after a day of failed deliveries");
    const admin = current.createdById === null ? null : await manager.findOneBy(User, { id: current.createdById });
    if (admin) {
      await enqueueMail(manager, `webhook-disabled:${webhook.id}:${now.getTime()}`, {
        to: admin.email,
        subject: `Webhook disabled: ${webhook.url}`,
        text:
          `Deliveries to ${webhook.url} have failed since ${current.failingSince!.toISOString()}, so it has been disabled ` +
          `and no further events are sent to it.\n\nOnce the endpoint answers again, turn it back on with updateWebhook (enabled: true).`,
      });
    }
    return true;
  }

  private async record(manager: EntityManager, delivery: WebhookDelivery, changes: Partial<WebhookDelivery>): Promise<void> {
    await manager.update(WebhookDelivery, { id: delivery.id }, changes);
  }
}
