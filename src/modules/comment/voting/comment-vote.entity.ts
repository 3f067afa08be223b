import { Column, Entity, PrimaryColumn } from "typeorm";

/** One reader's vote on one comment: the key makes a second vote replace the first. Never exposed. */
@Entity("comment_vote")
export class CommentVote {
  @PrimaryColumn({ name: "comment_id", type: "integer" })
  commentId: number;

  /** Who voted, as `readerOf` names them: `user:<id>` or `key:<SHA-256 of the reader key>`. */
  @PrimaryColumn({ type: "varchar", length: 64 })
  voter: string;

  /** +1 UP, -1 DOWN (`storedVote`). */
  @Column({ type: "integer" })
  value: number;

  @Column({ name: "voted_at", type: Date })
  votedAt: Date;
}
