import { Field, ID, ObjectType } from "type-graphql";
import { Column, Entity, PrimaryGeneratedColumn } from "typeorm";
import { encodeGlobalId } from "../../shared/global-id";
import { WebhookEvent } from "./webhook-event";

/** An endpoint that admins registered to be told of events, signed with its own secret. */
@Entity("webhook")
@ObjectType({ description: "An endpoint told of events by signed POSTs (Standard Webhooks). Admins only." })
export class Webhook {
  @PrimaryGeneratedColumn()
  id: number;

  @Field({ description: "Where events are POSTed: http(s) only; private addresses are refused unless the server allows them." })
  @Column({ type: "varchar", length: 2048 })
  url: string;

  /** The subscribed event names, comma-separated. */
  @Column({ type: "varchar", length: 500 })
  events: string;

  /** `whsec_` + base64 of 32 random bytes: shown once, in `createWebhook`'s answer. */
  @Column({ type: "varchar", length: 100 })
  secret: string;

  /** The admin who registered it: told by mail when it is disabled. */
  @Column({ name: "created_by_id", type: "integer", nullable: true })
  createdById: number | null;

  @Field({ description: "When it was registered." })
  @Column({ name: "created_at", type: Date })
  createdAt: Date;

  @Field({ description: "When an admin (or the failure rule) last changed it." })
  @Column({ name: "updated_at", type: Date })
  updatedAt: Date;

  @Field(() => Date, { nullable: true, description: "When its deliveries started failing with no success since; null while healthy." })
  @Column({ name: "failing_since", type: Date, nullable: true })
  failingSince: Date | null;

  @Field(() => Date, { nullable: true, description: "Set when it was disabled (by an admin, or after a day of failures); nothing is sent to it meanwhile." })
  @Column({ name: "disabled_at", type: Date, nullable: true })
  disabledAt: Date | null;

  @Field(() => ID, { name: "id", description: "Pass to updateWebhook, deleteWebhook and webhookDeliveries." })
  get globalId(): string {
    return encodeGlobalId("Webhook", this.id);
  }

  @Field(() => [WebhookEvent], { name: "events", description: "What it is told of." })
  get eventList(): WebhookEvent[] {
    return this.events.split(",").filter(Boolean) as WebhookEvent[];
  }

  @Field({ description: "False once disabled: updateWebhook(enabled: true) turns it back on." })
  get enabled(): boolean {
    return this.disabledAt === null;
  }

  subscribesTo(event: string): boolean {
    return this.events.split(",").includes(event);
  }
}
