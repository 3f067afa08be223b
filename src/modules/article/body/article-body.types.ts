import { Field, Int, ObjectType } from "type-graphql";

@ObjectType({ description: "A section heading of an article body." })
export class Heading {
  @Field(() => Int, { description: "2 for a section, 3 for a subsection, and so on." })
  level: number;

  @Field({ description: "The heading as plain text." })
  text: string;

  @Field({ description: "The id attribute of the heading in `body`, for in-page links." })
  anchor: string;
}
