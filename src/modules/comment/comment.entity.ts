import { Field, Int, ObjectType } from "type-graphql";
import { Column, Entity, PrimaryGeneratedColumn } from "typeorm";
import { Node } from "../../shared/node.type";
import { CommentStatus } from "./comment-status";
import { InlineAnchor } from "./inline-anchor.type";

/** A reader's comment: top level when `parentId` is null, else a reply. */
@Entity("comment")
@ObjectType({ implements: Node, description: "A reader's comment on an article, or a reply to one." })
export class Comment extends Node {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: "article_id", type: "integer" })
  articleId: number;

  @Column({ name: "parent_id", type: "integer", nullable: true })
  parentId: number | null;

  @Field({ description: "The name the commenter signed with." })
  @Column({ name: "author_name", type: "varchar", length: 200 })
  authorName: string;

  /** Never exposed through the API. */
  @Column({ name: "author_email", type: "varchar", length: 320 })
  authorEmail: string;

  @Field({ description: "Sanitized HTML." })
  @Column({ type: "text" })
  body: string;

  @Field(() => CommentStatus, { description: "Always APPROVED for readers." })
  @Column({ type: "varchar", length: 16 })
  status: CommentStatus;

  @Field(() => Date, { description: "When the comment was posted." })
  @Column({ name: "created_at", type: Date })
  createdAt: Date;

  @Column({ name: "anchor_block_id", type: "varchar", length: 200, nullable: true })
  anchorBlockId: string | null;

  @Column({ name: "anchor_quote", type: "text", nullable: true })
  anchorQuote: string | null;

  /** The anchored block's position in the body when written: inline feedback is read in this order. */
  @Column({ name: "anchor_position", type: "integer", nullable: true })
  anchorPosition: number | null;

  @Field(() => Date, { nullable: true, description: "When the guest who wrote the comment last edited it; null if never." })
  @Column({ name: "edited_at", type: Date, nullable: true })
  editedAt: Date | null;

  // The tally of `comment_vote`, kept by voteComment alone in the vote's transaction: `update: false`
  // keeps every other save (an edit, moderation) from writing back the counts it read before a vote.
  @Field(() => Int, { description: "Readers' UP votes." })
  @Column({ type: "integer", default: 0, update: false })
  upvotes: number;

  @Field(() => Int, { description: "Readers' DOWN votes." })
  @Column({ type: "integer", default: 0, update: false })
  downvotes: number;

  /** upvotes - downvotes: the TOP order's key. */
  @Column({ name: "net_votes", type: "integer", default: 0, update: false })
  netVotes: number;

  /** The lower bound of the votes' Wilson score interval: the BEST order's key. */
  @Column({ name: "wilson_lower_bound", type: "double precision", default: 0, update: false })
  wilsonLowerBound: number;

  /** Approved direct replies, when the statement that read the comment counted them (see `commentPageShape`). */
  countedReplies?: number;

  @Field(() => InlineAnchor, { nullable: true, description: "Set on inline feedback: the passage it answers." })
  get anchor(): InlineAnchor | null {
    if (!this.anchorBlockId) return null;
    return { blockId: this.anchorBlockId, quote: this.anchorQuote ?? "" };
  }
}
