import { Field, ID, InputType, Int } from "type-graphql";

@InputType({ description: "Which revision to bring back, and the article version the editor is looking at." })
export class RestoreArticleRevisionInput {
  @Field(() => ID, { description: "The article." })
  articleId: string;

  @Field(() => ID, { description: "One of the article's revisions." })
  revisionId: string;

  @Field(() => Int, { description: "The article's version the restore is based on; a stale one is a CONFLICT." })
  version: number;
}
