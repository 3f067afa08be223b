import { Field, ID, InputType, ObjectType } from "type-graphql";
import { NotifyMode } from "../notification/notify-mode";
import { Comment } from "../comment.entity";

@InputType({ description: "The passage an inline comment answers." })
export class InlineAnchorInput {
  @Field({ description: "The id of a block (heading, paragraph, quote, list item) of the article's body." })
  blockId: string;

  @Field({ description: "The passage as the reader selected it; at most 500 characters." })
  quote: string;
}

@InputType({ description: "A reader's new comment or reply." })
export class AddCommentInput {
  @Field(() => ID, { description: "The article commented on." })
  articleId: string;

  @Field(() => ID, { nullable: true, description: "The comment replied to: an approved comment on the same article." })
  parentId?: string | null;

  @Field({ description: "The name to sign with; 1 to 80 characters." })
  authorName: string;

  @Field({ description: "Never exposed through the API." })
  authorEmail: string;

  @Field({ description: "Plain text or a small HTML subset (paragraphs, emphasis, code, quotes, lists, links); 1 to 10,000 characters." })
  body: string;

  @Field(() => InlineAnchorInput, { nullable: true, description: "Pins the comment to a passage of the body (inline feedback)." })
  anchor?: InlineAnchorInput | null;

  @Field(() => NotifyMode, { nullable: true, description: "Subscribe the commenter at the same time ('Notify of')." })
  notify?: NotifyMode | null;

  @Field(() => String, {
    nullable: true,
    description: "A retried call with the same key returns the first result and stores nothing new; at most 255 characters, kept 24 hours.",
  })
  idempotencyKey?: string | null;
}

@ObjectType({ description: "The comment just written." })
export class AddCommentPayload {
  @Field(() => Comment, { description: "The comment, APPROVED or PENDING by the moderation policy." })
  comment: Comment;

  @Field(() => String, { nullable: true, description: "Lets a guest see, edit or delete their own comment (edits within a window)." })
  editToken: string | null;
}
