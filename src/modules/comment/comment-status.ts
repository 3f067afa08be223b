import { registerEnumType } from "type-graphql";

export enum CommentStatus {
  PENDING = "PENDING",
  APPROVED = "APPROVED",
  SPAM = "SPAM",
  DELETED = "DELETED",
}

registerEnumType(CommentStatus, {
  name: "CommentStatus",
  description: "Moderation state; readers only ever see APPROVED comments.",
});
