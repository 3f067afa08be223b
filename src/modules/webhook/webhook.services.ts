import { ServiceDeps } from "../feature-module";
import { UserContext, UserServices } from "../user";
import { queueDeliveries } from "./delivery/webhook-fanout";
import { WEBHOOK_CHANNEL, WebhookSender } from "./delivery/webhook-sender";
import { WebhookService } from "./webhook.service";

/** Listens to the writes' events (queueing deliveries in their transactions) and delivers through the outbox's `webhook` channel. */
export function webhookServices({ dataSource, logger, webhooks: options, events, outboxWorker }: ServiceDeps<UserServices>) {
  const sender = new WebhookSender(dataSource, options, logger);
  events.listen(queueDeliveries);
  outboxWorker.handle(WEBHOOK_CHANNEL, (message) => sender.send(message), sender.backoff);
  return { webhooks: new WebhookService(dataSource, options) };
}

export type WebhookServices = ReturnType<typeof webhookServices>;

export interface WebhookContext extends UserContext {
  services: UserServices & WebhookServices;
}
