import { Column, Entity, PrimaryGeneratedColumn } from "typeorm";

/**
 * A signed-in editor or author. Stored now so the schema is complete; the
 * editorial API exposes it (the `viewer` query, `login`).
 */
@Entity("user")
export class User {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: "varchar", length: 320, unique: true })
  email: string;

  @Column({ name: "password_hash", type: "varchar", length: 500 })
  passwordHash: string;

  @Column({ type: "varchar", length: 16 })
  role: string;

  @Column({ name: "author_id", type: "integer", nullable: true })
  authorId: number | null;

  @Column({ name: "created_at", type: Date })
  createdAt: Date;
}
