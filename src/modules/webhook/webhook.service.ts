import { DataSource, EntityManager } from "typeorm";
import { WebhookOptions } from "../../config";
import { inTransaction, inTransactionRetryingKeyRaces } from "../../database/transaction";
import { BadUserInputError, NotFoundError } from "../../shared/errors";
import { decodeGlobalIdOf } from "../../shared/global-id";
import { IdempotencyKeys } from "../../shared/idempotency/idempotency-keys";
import { Connection, connectionFrom } from "../../shared/pagination/connection.types";
import { fetchPage } from "../../shared/pagination/fetch";
import { PageRequest } from "../../shared/pagination/page-request";
import { SortOrder, byId } from "../../shared/pagination/sort-order";
import { User, recordAudit } from "../user";
import { WebhookDelivery } from "./delivery/webhook-delivery.entity";
import { newWebhookSecret } from "./delivery/signature";
import { WEBHOOK_EVENTS, WebhookEvent } from "./webhook-event";
import { Webhook } from "./webhook.entity";
import { CreateWebhookInput, UpdateWebhookInput } from "./webhook.inputs";
import { checkWebhookUrl } from "./webhook-url";

const messages = {
  notFound: "No such webhook.",
  noEvents: "events must name at least one event.",
};

/** Webhooks in the order they were registered. */
export const webhooksInOrder: SortOrder<Webhook> = { name: "webhooks", direction: "ASC", keys: [byId] };

/** A webhook's deliveries, newest first. */
export const deliveriesNewestFirst: SortOrder<WebhookDelivery> = { name: "webhook-deliveries", direction: "DESC", keys: [byId] };

/** Admins' webhooks: registered, changed, removed and listed; every change is audited. */
export class WebhookService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly options: WebhookOptions,
    private readonly idempotency = new IdempotencyKeys(),
  ) {}

  /** The new endpoint with its secret; a retry with the same key gets the same endpoint and secret. */
  create(user: User, input: CreateWebhookInput): Promise<{ webhook: Webhook; secret: string }> {
    const url = checkWebhookUrl(input.url, this.options.allowPrivate);
    const events = checkEvents(input.events, "input.events");
    return inTransactionRetryingKeyRaces(this.dataSource, async (manager) => {
      const { id } = await this.idempotency.once(manager, `createWebhook:${user.id}`, input.idempotencyKey, { url, events }, async () => {
        const now = new Date();
        const { identifiers } = await manager.insert(Webhook, {
          url,
          events: events.join(","),
          secret: newWebhookSecret(),
          createdById: user.id,
          createdAt: now,
          updatedAt: now,
          failingSince: null,
          disabledAt: null,
        });
        const inserted = identifiers[0].id as number;
        await recordAudit(manager, user.id, "createWebhook", "Webhook", inserted);
        return inserted;
      });
      const webhook = await manager.findOneByOrFail(Webhook, { id });
      return { webhook, secret: webhook.secret };
    });
  }

  update(user: User, input: UpdateWebhookInput): Promise<Webhook> {
    const id = decodeGlobalIdOf("Webhook", input.id, "input.id");
    const changes: Partial<Webhook> = { updatedAt: new Date() };
    if (input.url != null) changes.url = checkWebhookUrl(input.url, this.options.allowPrivate);
    if (input.events != null) changes.events = checkEvents(input.events, "input.events").join(",");
    if (input.enabled === true) Object.assign(changes, { disabledAt: null, failingSince: null });
    if (input.enabled === false) changes.disabledAt = new Date();
    return inTransaction(this.dataSource, async (manager) => {
      const webhook = await this.existing(manager, id);
      // Disabling twice keeps the first time.
      if (input.enabled === false && webhook.disabledAt !== null) delete changes.disabledAt;
      await manager.update(Webhook, { id }, changes);
      await recordAudit(manager, user.id, "updateWebhook", "Webhook", id, Object.keys(changes).join(", "));
      return manager.findOneByOrFail(Webhook, { id });
    });
  }

  /** Removes the endpoint and its deliveries; what was queued for it is dropped at its turn. */
  delete(user: User, globalId: string): Promise<boolean> {
    const id = decodeGlobalIdOf("Webhook", globalId, "id");
    return inTransaction(this.dataSource, async (manager) => {
      await this.existing(manager, id);
      await manager.delete(WebhookDelivery, { webhookId: id });
      await manager.delete(Webhook, { id });
      await recordAudit(manager, user.id, "deleteWebhook", "Webhook", id);
      return true;
    });
  }

  async list(request: PageRequest<Webhook>): Promise<Connection<Webhook>> {
    const qb = this.dataSource.getRepository(Webhook).createQueryBuilder("webhook");
    return connectionFrom(await fetchPage(qb, "webhook", request), () => qb.getCount());
  }

  /** NOT_FOUND for an unknown webhook, so that a typo is not an empty list. */
  async deliveries(globalId: string, request: PageRequest<WebhookDelivery>): Promise<Connection<WebhookDelivery>> {
    const id = decodeGlobalIdOf("Webhook", globalId, "webhookId");
    if (!(await this.dataSource.getRepository(Webhook).existsBy({ id }))) throw new NotFoundError(messages.notFound, { field: "webhookId" });
    const qb = this.dataSource.getRepository(WebhookDelivery).createQueryBuilder("delivery").where("delivery.webhook_id = :id", { id });
    return connectionFrom(await fetchPage(qb, "delivery", request), () => qb.getCount());
  }

  private async existing(manager: EntityManager, id: number): Promise<Webhook> {
    const webhook = await manager.findOneBy(Webhook, { id });
    if (!webhook) throw new NotFoundError(messages.notFound, { field: "id" });
    return webhook;
  }
}

/** The events once each, in the enum's order (the input's order is not the endpoint's identity: retries compare it). */
function checkEvents(events: WebhookEvent[], field: string): WebhookEvent[] {
  if (events.length === 0) throw new BadUserInputError(messages.noEvents, { field });
  return (WEBHOOK_EVENTS as WebhookEvent[]).filter((event) => events.includes(event));
}
