import { Arg, Authorized, Ctx, ID, Mutation, Resolver } from "type-graphql";
import { CommentContext } from "../comment.services";
import { decodeGlobalIdOf } from "../../../shared/global-id";
import { Role, signedIn } from "../../user";
import { CommentStatus } from "../comment-status";
import { Comment } from "../comment.entity";

@Resolver()
export class ModerateCommentResolver {
  @Authorized(Role.EDITOR)
  @Mutation(() => Comment, { description: "Editors: approve, hold, mark as spam or delete a comment." })
  moderateComment(@Arg("id", () => ID) id: string, @Arg("status", () => CommentStatus) status: CommentStatus, @Ctx() ctx: CommentContext): Promise<Comment> {
    return ctx.services.commentModeration.moderate(decodeGlobalIdOf("Comment", id, "id"), status, signedIn(ctx).id);
  }
}
