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

export const commentOrders: Record<CommentOrder, SortOrder<Comment>> = {
  OLDEST: { name: "oldest", direction: "ASC", keys: [createdAt, byId] },
  NEWEST: { name: "newest", direction: "DESC", keys: [createdAt, byId] },
};
