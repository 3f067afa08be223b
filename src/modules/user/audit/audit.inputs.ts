import { Field, ID, InputType } from "type-graphql";
import { ConnectionType } from "../../../shared/pagination/connection.types";
import { AuditEvent } from "./audit-event.entity";

@InputType({ description: "Narrows the audit trail; all given conditions must hold." })
export class AuditEventFilter {
  @Field(() => ID, { nullable: true, description: "Only what this user did." })
  actorId?: string | null;

  @Field(() => String, { nullable: true, description: "Only this action, such as deleteCategory." })
  action?: string | null;

  @Field(() => ID, { nullable: true, description: "Only what was done to this object (any global id, a user's or a deleted object's included)." })
  objectId?: string | null;

  @Field(() => Date, { nullable: true, description: "At or after this time." })
  since?: Date | null;

  @Field(() => Date, { nullable: true, description: "Before this time." })
  until?: Date | null;
}

export const AuditEventConnection = ConnectionType(AuditEvent, "AuditEvent");
