import { Column, Entity, PrimaryColumn } from "typeorm";

/** A client's retry key and what the first call with it produced. */
@Entity("idempotency_key")
export class IdempotencyKey {
  /** Keys are scoped by operation: the same key may name an addComment and another mutation. */
  @PrimaryColumn({ type: "varchar", length: 64 })
  operation: string;

  @PrimaryColumn({ type: "varchar", length: 255 })
  key: string;

  /** SHA-256 of the canonical input: a retry must send the same input. */
  @Column({ name: "input_hash", type: "varchar", length: 64 })
  inputHash: string;

  /** The id of what the first call created; set in the same transaction. */
  @Column({ name: "result_id", type: "integer", nullable: true })
  resultId: number | null;

  /** What the first call produced when it is not a row id (a preview token's issue time); set in the same transaction. */
  @Column({ name: "result_text", type: "varchar", length: 255, nullable: true })
  resultText: string | null;

  @Column({ name: "created_at", type: Date })
  createdAt: Date;
}
