import { ArgsType, Field, Int } from "type-graphql";

@ArgsType()
export class ConnectionArgs {
  @Field(() => Int, { nullable: true, description: "Page size from the start (or from `after`); default 10, at most 100." })
  first?: number | null;

  @Field(() => String, { nullable: true, description: "Cursor of the item to continue after." })
  after?: string | null;

  @Field(() => Int, { nullable: true, description: "Page size from the end (or from `before`); at most 100." })
  last?: number | null;

  @Field(() => String, { nullable: true, description: "Cursor of the item to continue before." })
  before?: string | null;
}
