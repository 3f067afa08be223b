import { Field, ID, InputType, ObjectType } from "type-graphql";
import { CREATE_IDEMPOTENCY_KEY } from "../../shared/idempotency/idempotency-keys";
import { ConnectionType } from "../../shared/pagination/connection.types";
import { WebhookDelivery } from "./delivery/webhook-delivery.entity";
import { WebhookEvent } from "./webhook-event";
import { Webhook } from "./webhook.entity";

@InputType({ description: "A new webhook endpoint." })
export class CreateWebhookInput {
  @Field({ description: "An absolute http(s) URL; loopback, link-local and private addresses are refused unless WEBHOOK_ALLOW_PRIVATE=on." })
  url: string;

  @Field(() => [WebhookEvent], { description: "At least one event." })
  events: WebhookEvent[];

  @Field(() => String, CREATE_IDEMPOTENCY_KEY)
  idempotencyKey?: string | null;
}

@InputType({ description: "Changes to a webhook; absent fields stay as they are." })
export class UpdateWebhookInput {
  @Field(() => ID, { description: "The webhook." })
  id: string;

  @Field(() => String, { nullable: true, description: "A new URL, checked as createWebhook's." })
  url?: string | null;

  @Field(() => [WebhookEvent], { nullable: true, description: "At least one event." })
  events?: WebhookEvent[] | null;

  @Field(() => Boolean, { nullable: true, description: "false stops deliveries; true resumes them and forgets past failures." })
  enabled?: boolean | null;
}

@ObjectType({ description: "A new webhook and its signing secret." })
export class CreateWebhookPayload {
  @Field(() => Webhook, { description: "The endpoint, enabled." })
  webhook: Webhook;

  @Field({
    description:
      "The Standard Webhooks signing secret (`whsec_` + base64): shown in this answer only (and to a retry with the same idempotencyKey), never by a query. Keep it to verify `webhook-signature`.",
  })
  secret: string;
}

export const WebhookConnection = ConnectionType(Webhook, "Webhook");
export const WebhookDeliveryConnection = ConnectionType(WebhookDelivery, "WebhookDelivery");
