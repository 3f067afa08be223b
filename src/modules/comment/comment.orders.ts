import { registerEnumType } from "type-graphql";
import { SortKey, SortOrder, byId } from "../../shared/pagination/sort-order";
import { Comment } from "./comment.entity";

export enum CommentOrder {
  OLDEST = "OLDEST",
  NEWEST = "NEWEST",
  BEST = "BEST",
  TOP = "TOP",
}

registerEnumType(CommentOrder, {
  name: "CommentOrder",
  description: "How a thread is sorted; ties fall back to the id.",
  valuesConfig: {
    OLDEST: { description: "Earliest first." },
    NEWEST: { description: "Latest first." },
    BEST: {
      description:
        "Highest lower bound of the Wilson score interval (95%) of the votes first: a comment needs many votes, mostly UP, to rank high. " +
        "Comments with no votes, or only DOWN votes, share the bottom (0), the latest of them first.",
    },
    TOP: { description: "Highest upvotes - downvotes first; ties, the latest first." },
  },
});

const createdAt: SortKey<Comment> = { column: "created_at", kind: "date", read: (comment) => comment.createdAt };

/** Stored on the row as votes change (`CommentVoteService`), so that the thread indexes can seek on them. */
const wilsonLowerBound: SortKey<Comment> = { column: "wilson_lower_bound", kind: "float", read: (comment) => comment.wilsonLowerBound };
const netVotes: SortKey<Comment> = { column: "net_votes", kind: "integer", read: (comment) => comment.netVotes };

// Names differ from the article orders' ("oldest", "newest"), whose keys have the
// same kinds: a comment cursor must never be taken for a position in an article feed.
export const commentOrders: Record<CommentOrder, SortOrder<Comment>> = {
  OLDEST: { name: "comment-oldest", direction: "ASC", keys: [createdAt, byId] },
  NEWEST: { name: "comment-newest", direction: "DESC", keys: [createdAt, byId] },
  BEST: { name: "comment-best", direction: "DESC", keys: [wilsonLowerBound, byId] },
  TOP: { name: "comment-top", direction: "DESC", keys: [netVotes, byId] },
};

const anchorPosition: SortKey<Comment> = { column: "anchor_position", kind: "integer", read: (comment) => comment.anchorPosition ?? 0 };

/** Inline feedback: by the anchored block's place in the body, then oldest first. */
export const inlineFeedbackOrder: SortOrder<Comment> = { name: "inline-feedback", direction: "ASC", keys: [anchorPosition, createdAt, byId] };
