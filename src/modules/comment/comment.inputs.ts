import { ArgsType, Field } from "type-graphql";
import { ConnectionArgs } from "../../shared/pagination/connection.args";
import { CommentOrder } from "./comment.orders";

@ArgsType()
export class CommentsArgs extends ConnectionArgs {
  @Field(() => CommentOrder, { nullable: true, defaultValue: CommentOrder.OLDEST })
  orderBy: CommentOrder | null;
}
