import { defineModule } from "../feature-module";
import { WebhookDelivery } from "./delivery/webhook-delivery.entity";
import { Webhook } from "./webhook.entity";
import { WebhookResolver } from "./webhook.resolver";
import { webhookServices } from "./webhook.services";

/**
 * Webhooks: admins register endpoints; the events other modules' writes
 * emit (`article.published`, `comment.approved`, `taxonomy.changed`…) are
 * queued in those writes' transactions and delivered, signed per Standard
 * Webhooks, through the outbox. No module imports this one.
 */
export const webhookModule = defineModule({
  name: "webhook",
  resolvers: [WebhookResolver],
  entities: [Webhook, WebhookDelivery],
  services: webhookServices,
});

export type { WebhookContext, WebhookServices } from "./webhook.services";
