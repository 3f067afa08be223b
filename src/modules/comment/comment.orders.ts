import { registerEnumType } from "type-graphql";
import { SortKey, SortOrder, byId } from "../../shared/pagination/sort-order";
import { Comment } from "./comment.entity";

export enum CommentOrder {
  OLDEST = "OLDEST",
  NEWEST = "NEWEST",
}

registerEnumType(CommentOrder, {
  name: "CommentOrder",
  description: "How a thread is sorted; ties fall back to the id.",
});

const createdAt: SortKey<Comment> = { column: "created_at", kind: "date", read: (comment) => comment.createdAt };

// Names differ from the article orders' ("oldest", "newest"), whose keys have the
// same kinds: a comment cursor must never be taken for a position in an article feed.
export const commentOrders: Record<CommentOrder, SortOrder<Comment>> = {
  OLDEST: { name: "comment-oldest", direction: "ASC", keys: [createdAt, byId] },
  NEWEST: { name: "comment-newest", direction: "DESC", keys: [createdAt, byId] },
};

const anchorPosition: SortKey<Comment> = { column: "anchor_position", kind: "integer", read: (comment) => comment.anchorPosition ?? 0 };

/** Inline feedback: by the anchored block's place in the body, then oldest first. */
export const inlineFeedbackOrder: SortOrder<Comment> = { name: "inline-feedback", direction: "ASC", keys: [anchorPosition, createdAt, byId] };
