import { EntityManager } from "typeorm";
import { OutboxMessage } from "./outbox-message.entity";

export interface Mail {
  to: string;
  subject: string;
  text: string;
}

/**
 * Queues `mail` in the caller's transaction. `dedupeKey` names what the
 * mail is about (a comment for a subscriber): queueing the same key again
 * stores nothing, so a message goes out once per subscriber whatever path
 * queued it.
 */
export function enqueueMail(manager: EntityManager, dedupeKey: string, mail: Mail): Promise<void> {
  return enqueue(manager, "mail", dedupeKey, mail);
}

/** Queues a message of `channel` (see `OutboxMessage.channel`), first sent at `notBefore`; the same `dedupeKey` again stores nothing. */
export async function enqueue(manager: EntityManager, channel: string, dedupeKey: string, message: Mail, notBefore = new Date()): Promise<void> {
  await manager
    .createQueryBuilder()
    .insert()
    .into(OutboxMessage)
    .values({
      channel,
      dedupeKey,
      recipient: message.to,
      subject: message.subject,
      text: message.text,
      createdAt: new Date(),
      attempts: 0,
      nextAttemptAt: notBefore,
    })
    .orIgnore()
    .execute();
}
