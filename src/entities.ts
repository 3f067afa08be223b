import { featureModules } from "./modules";
import { OutboxMessage } from "./outbox/outbox-message.entity";
import { IdempotencyKey } from "./shared/idempotency/idempotency-key.entity";

/** Every table's entity: the feature modules' and the outbox's and idempotency keys' they share. */
export const entities = [...featureModules.flatMap((module) => module.entities), OutboxMessage, IdempotencyKey];
