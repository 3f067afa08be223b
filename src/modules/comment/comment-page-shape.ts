import { RowShape } from "../../shared/pagination/fetch";
import { CommentStatus } from "./comment-status";
import { Comment } from "./comment.entity";

const COUNTED: RowShape<Comment> = {
  select: (qb, alias) =>
    qb
      .addSelect(`(SELECT COUNT(*) FROM comment reply WHERE reply.parent_id = ${alias}.id AND reply.status = :approvedReply)`, "reply_count")
      .setParameter("approvedReply", CommentStatus.APPROVED),
  completer: () => (comment, raw) => {
    comment.countedReplies = Number(raw.reply_count);
  },
};

/**
 * How a page of comments reads its rows: each comment's approved replies
 * counted in the same statement when `fields` (the fields the client
 * selected on each comment, see `nodeFieldsOf`) show `replyCount`, so that
 * a thread's counts take no statement of their own; the rows as mapped
 * otherwise (undefined).
 */
export function commentPageShape(fields?: readonly string[]): RowShape<Comment> | undefined {
  return fields?.includes("replyCount") ? COUNTED : undefined;
}
