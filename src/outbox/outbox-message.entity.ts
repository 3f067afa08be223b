import { Column, Entity, PrimaryGeneratedColumn } from "typeorm";

/**
 * A message waiting to be sent (an email, a CDN purge), written with the
 * change that calls for it. The delivery worker sends it through its
 * channel and marks it sent.
 */
@Entity("outbox_message")
export class OutboxMessage {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: "dedupe_key", type: "varchar", length: 200, unique: true })
  dedupeKey: string;

  /** Which sender delivers it: `mail`, or `cdn-purge` (recipient: the purge URL; text: the JSON body). */
  @Column({ type: "varchar", length: 20, default: "mail" })
  channel: string;

  @Column({ type: "varchar", length: 320 })
  recipient: string;

  @Column({ type: "varchar", length: 300 })
  subject: string;

  @Column({ type: "text" })
  text: string;

  @Column({ name: "created_at", type: Date })
  createdAt: Date;

  @Column({ type: "integer", default: 0 })
  attempts: number;

  @Column({ name: "next_attempt_at", type: Date })
  nextAttemptAt: Date;

  /** A worker's claim on the message; another worker may take it over once it passed. */
  @Column({ name: "locked_until", type: Date, nullable: true })
  lockedUntil: Date | null;

  @Column({ name: "sent_at", type: Date, nullable: true })
  sentAt: Date | null;

  @Column({ name: "last_error", type: "text", nullable: true })
  lastError: string | null;
}
