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
export async function enqueueMail(manager: EntityManager, dedupeKey: string, mail: Mail): Promise<void> {
  const now = new Date();
  await manager
    .createQueryBuilder()
    .insert()
    .into(OutboxMessage)
    .values({ dedupeKey, recipient: mail.to, subject: mail.subject, text: mail.text, createdAt: now, attempts: 0, nextAttemptAt: now })
    .orIgnore()
    .execute();
}
