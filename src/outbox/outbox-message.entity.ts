import { Column, Entity, PrimaryGeneratedColumn } from "typeorm";

/**
 * An email waiting to be sent, written in the transaction of the change
 * that calls for it, so that a commit always has its messages and a
 * rollback never does. The delivery worker sends it and marks it sent.
 */
@Entity("outbox_message")
export class OutboxMessage {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: "dedupe_key", type: "varchar", length: 200, unique: true })
  dedupeKey: string;

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
