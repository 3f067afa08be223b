import { Field, ID, InputType, ObjectType } from "type-graphql";
import { Comment } from "../comment.entity";
import { VoteValue } from "./vote-value";

@InputType({ description: "A reader's vote on a comment." })
export class VoteCommentInput {
  @Field(() => ID, { description: "An approved comment on a published article." })
  commentId: string;

  @Field(() => VoteValue, { nullable: true, description: "UP or DOWN; null removes the reader's vote." })
  value?: VoteValue | null;

  @Field({
    description:
      "The reader when no one is signed in: an opaque key the client made once and keeps (a UUID or a random token), " +
      "16 to 128 letters, digits, '-' or '_'. A signed-in user votes as themselves.",
  })
  readerKey: string;
}

@ObjectType({ description: "The comment voted on, with its counts as they now stand." })
export class VoteCommentPayload {
  @Field(() => Comment, { description: "The comment, its upvotes and downvotes counting this vote." })
  comment: Comment;

  @Field(() => VoteValue, { nullable: true, description: "The reader's vote as now stored; null when they have none." })
  vote: VoteValue | null;
}
