import { Column, Entity, PrimaryGeneratedColumn } from "typeorm";

/** Who did what to which object, written in the transaction of the change itself. */
@Entity("audit_event")
export class AuditEvent {
  @PrimaryGeneratedColumn()
  id: number;

  /** Null when the system acted: the scheduler publishing a scheduled article. */
  @Column({ name: "user_id", type: "integer", nullable: true })
  userId: number | null;

  /** The mutation, such as "updateArticle". */
  @Column({ type: "varchar", length: 40 })
  action: string;

  @Column({ name: "object_type", type: "varchar", length: 20 })
  objectType: string;

  @Column({ name: "object_id", type: "integer" })
  objectId: number;

  @Column({ type: Date })
  at: Date;

  /** What changed, briefly ("role EDITOR -> ADMIN"), when the action alone does not say. */
  @Column({ type: "varchar", length: 500, nullable: true })
  detail: string | null;
}
