import { Column, Entity, PrimaryGeneratedColumn } from "typeorm";
import { NotifyMode } from "./notify-mode";

/**
 * A reader's "Notify of" choice on one article. It notifies only once
 * confirmed (double opt-in) and until unsubscribed. Never exposed.
 */
@Entity("comment_subscription")
export class CommentSubscription {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: "article_id", type: "integer" })
  articleId: number;

  @Column({ type: "varchar", length: 320 })
  email: string;

  @Column({ type: "varchar", length: 32 })
  mode: NotifyMode;

  @Column({ name: "created_at", type: Date })
  createdAt: Date;

  @Column({ name: "confirmed_at", type: Date, nullable: true })
  confirmedAt: Date | null;

  @Column({ name: "unsubscribed_at", type: Date, nullable: true })
  unsubscribedAt: Date | null;
}
