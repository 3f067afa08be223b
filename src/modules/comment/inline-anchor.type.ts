import { Field, ObjectType } from "type-graphql";

@ObjectType({ description: "The passage of an article that an inline comment answers." })
export class InlineAnchor {
  @Field({ description: "The anchor of the heading or paragraph block in the article body." })
  blockId: string;

  @Field({ description: "The quoted passage, as the reader selected it." })
  quote: string;
}
