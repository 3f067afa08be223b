import { Field, Int, ObjectType } from "type-graphql";
import { Column, Entity, PrimaryGeneratedColumn } from "typeorm";
import { Node } from "../../shared/node.type";
import { Role } from "./role";

/** A signed-in editor or author. Visible to themselves and to admins only: never to readers. */
@Entity("user")
@ObjectType({ implements: Node, description: "An account of the newsroom: an editor, author or admin." })
export class User extends Node {
  @PrimaryGeneratedColumn()
  id: number;

  @Field({ description: "The sign-in address." })
  @Column({ type: "varchar", length: 320, unique: true })
  email: string;

  /** scrypt hash with its parameters and salt (see `password.ts`); never leaves the server. */
  @Column({ name: "password_hash", type: "varchar", length: 500 })
  passwordHash: string;

  @Field(() => Role, { description: "What the user may do." })
  @Column({ type: "varchar", length: 16 })
  role: Role;

  @Column({ name: "author_id", type: "integer", nullable: true })
  authorId: number | null;

  @Column({ name: "created_at", type: Date })
  createdAt: Date;

  @Field(() => Int, { description: "Optimistic-concurrency token: admins send it back with updates." })
  @Column({ type: "integer", default: 1 })
  version: number;

  /** Set while the account is disabled: sign-in is refused and its tokens identify no one. */
  @Column({ name: "disabled_at", type: Date, nullable: true })
  disabledAt: Date | null;

  /** Sign-in tokens carry the epoch they were issued in; bumping it ends every session of the account. */
  @Column({ name: "session_epoch", type: "integer", default: 0 })
  sessionEpoch: number;

  @Field({ description: "Whether the account is disabled: it cannot sign in and its sessions have ended." })
  get disabled(): boolean {
    return this.disabledAt != null;
  }
}
