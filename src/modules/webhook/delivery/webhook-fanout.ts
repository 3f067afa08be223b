import { EntityManager, IsNull } from "typeorm";
import { enqueue } from "../../../outbox/outbox";
import { WriteEvent } from "../../../outbox/write-events";
import { Webhook } from "../webhook.entity";
import { WEBHOOK_EVENTS } from "../webhook-event";
import { newMessageId } from "./signature";
import { DeliveryStatus, WebhookDelivery } from "./webhook-delivery.entity";
import { WEBHOOK_CHANNEL } from "./webhook-sender";

/**
 * Queues, in the transaction of the write that emitted `event`, one
 * delivery and one outbox message per enabled endpoint subscribed to it:
 * the event goes out if and only if the write commits. The body is made
 * once here (Standard Webhooks' `type`, `timestamp`, `data`), so retries
 * send the same bytes. True when anything was queued.
 */
export async function queueDeliveries(manager: EntityManager, event: WriteEvent, now = new Date()): Promise<boolean> {
  if (!WEBHOOK_EVENTS.includes(event.type)) return false;
  const endpoints = (await manager.findBy(Webhook, { disabledAt: IsNull() })).filter((webhook) => webhook.subscribesTo(event.type));
  if (endpoints.length === 0) return false;
  const payload = JSON.stringify({ type: event.type, timestamp: now.toISOString(), data: event.data });
  for (const webhook of endpoints) {
    const messageId = newMessageId();
    const { identifiers } = await manager.insert(WebhookDelivery, {
      webhookId: webhook.id,
      messageId,
      event: event.type,
      payload,
      status: DeliveryStatus.PENDING,
      attempts: 0,
      nextAttemptAt: now,
      createdAt: now,
    } as Partial<WebhookDelivery>);
    await enqueue(manager, WEBHOOK_CHANNEL, `webhook:${messageId}`, { to: String(identifiers[0].id), subject: event.type, text: "" }, now);
  }
  return true;
}
