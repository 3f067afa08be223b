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

@ObjectType({ description: "A picture with the text a screen reader and a caption need." })
export class Image {
  @Field({ description: "Where the image is served from." })
  url: string;

  @Field({ description: "Text alternative for readers who cannot see the image." })
  alt: string;

  @Field(() => String, { nullable: true, description: "The caption shown under the image." })
  caption: string | null;

  @Field(() => Int, { nullable: true, description: "Intrinsic width in pixels." })
  width: number | null;

  @Field(() => Int, { nullable: true, description: "Intrinsic height in pixels." })
  height: number | null;
}
