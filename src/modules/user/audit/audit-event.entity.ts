import { Field, ObjectType } from "type-graphql";
import { Column, Entity, PrimaryGeneratedColumn } from "typeorm";

/** Who did what to which object, written in the transaction of the change itself. */
@Entity("audit_event")
@ObjectType({ description: "One recorded action: who did what to which object, when." })
export class AuditEvent {
  @PrimaryGeneratedColumn()
  id: number;

  /** Null when the system acted: the scheduler publishing a scheduled article, or `npm run user:create`. */
  @Column({ name: "user_id", type: "integer", nullable: true })
  userId: number | null;

  @Field({ description: "The mutation, such as updateArticle, or login and publishScheduled." })
  @Column({ type: "varchar", length: 40 })
  action: string;

  @Field({ description: "The type of the object acted on: Article, Author, Category, Tag, Comment or User." })
  @Column({ name: "object_type", type: "varchar", length: 20 })
  objectType: string;

  @Column({ name: "object_id", type: "integer" })
  objectId: number;

  @Field({ description: "When it happened." })
  @Column({ type: Date })
  at: Date;

  /** What changed, briefly ("role EDITOR -> ADMIN"), when the action alone does not say. */
  @Field(() => String, { nullable: true, description: 'What changed, briefly, when the action alone does not say ("role EDITOR -> ADMIN").' })
  @Column({ type: "varchar", length: 500, nullable: true })
  detail: string | null;
}
