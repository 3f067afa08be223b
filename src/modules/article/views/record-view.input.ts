import { Field, ID, InputType } from "type-graphql";

@InputType({ description: "A reader's view of an article page, for 'Most read'." })
export class RecordViewInput {
  @Field(() => ID, { description: "The published article read." })
  articleId: string;

  @Field({
    description:
      "An opaque id the client keeps for this reader (a UUID it stored): 16 to 128 letters, digits, '-' or '_'. " +
      "A signed-in user counts as themselves whatever the key.",
  })
  readerKey: string;
}
