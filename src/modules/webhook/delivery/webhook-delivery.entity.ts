import { Field, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import { Column, Entity, PrimaryGeneratedColumn } from "typeorm";
import { WebhookEvent } from "../webhook-event";

export enum DeliveryStatus {
  PENDING = "PENDING",
  SUCCEEDED = "SUCCEEDED",
  FAILED = "FAILED",
  SKIPPED = "SKIPPED",
}

registerEnumType(DeliveryStatus, {
  name: "WebhookDeliveryStatus",
  description: "Where a delivery stands.",
  valuesConfig: {
    PENDING: { description: "Not delivered yet: queued, or waiting for its next attempt." },
    SUCCEEDED: { description: "The endpoint answered 2xx." },
    FAILED: { description: "Given up: every attempt failed, or the endpoint was disabled by its failures." },
    SKIPPED: { description: "Not sent: the endpoint was disabled before its turn." },
  },
});

/**
 * One event for one endpoint: what admins see of a delivery. Its outbox
 * message (channel `webhook`) is the queue; this row keeps the body, so
 * every attempt sends the same bytes under the same `webhook-id`.
 */
@Entity("webhook_delivery")
@ObjectType({ description: "One event sent (or to be sent) to one webhook, with how its attempts went." })
export class WebhookDelivery {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: "webhook_id", type: "integer" })
  webhookId: number;

  @Field(() => ID, { name: "id", description: "The `webhook-id` header of every attempt: receivers deduplicate by it." })
  @Column({ name: "message_id", type: "varchar", length: 64, unique: true })
  messageId: string;

  @Field(() => WebhookEvent, { description: "What happened: the payload's `type`." })
  @Column({ type: "varchar", length: 40 })
  event: WebhookEvent;

  /** The JSON body, as signed. */
  @Column({ type: "text" })
  payload: string;

  @Field(() => DeliveryStatus, { description: "Where it stands." })
  @Column({ type: "varchar", length: 16 })
  status: DeliveryStatus;

  @Field(() => Int, { description: "Attempts made so far." })
  @Column({ type: "integer", default: 0 })
  attempts: number;

  @Field(() => Int, { nullable: true, description: "The HTTP status of the last attempt; null when it got no answer." })
  @Column({ name: "last_response_status", type: "integer", nullable: true })
  lastResponseStatus: number | null;

  @Field(() => String, { nullable: true, description: "The first 200 characters of the last answer's body." })
  @Column({ name: "last_response_excerpt", type: "varchar", length: 300, nullable: true })
  lastResponseExcerpt: string | null;

  @Field(() => String, { nullable: true, description: "Why the last attempt failed (a refused address, a timeout, a status)." })
  @Column({ name: "last_error", type: "varchar", length: 300, nullable: true })
  lastError: string | null;

  @Field(() => Date, { nullable: true, description: "When the next attempt is due; null once delivered or given up." })
  @Column({ name: "next_attempt_at", type: Date, nullable: true })
  nextAttemptAt: Date | null;

  @Field({ description: "When the event was queued: with the write that caused it." })
  @Column({ name: "created_at", type: Date })
  createdAt: Date;

  @Field(() => Date, { nullable: true, description: "When the endpoint answered 2xx; null until then." })
  @Column({ name: "delivered_at", type: Date, nullable: true })
  deliveredAt: Date | null;
}
