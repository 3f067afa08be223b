import { Arg, Authorized, Ctx, ID, Mutation, Resolver } from "type-graphql";
import { Context } from "../../../context";
import { decodeGlobalIdOf } from "../../../shared/global-id";
import { signedIn } from "../../user/auth-checker";
import { Role } from "../../user/role";
import { CommentStatus } from "../comment-status";
import { Comment } from "../comment.entity";

@Resolver()
export class ModerateCommentResolver {
  @Authorized(Role.EDITOR)
  @Mutation(() => Comment, { description: "Editors: approve, hold, mark as spam or delete a comment." })
  moderateComment(
    @Arg("id", () => ID) id: string,
    @Arg("status", () => CommentStatus) status: CommentStatus,
    @Ctx() ctx: Context,
  ): Promise<Comment> {
    return ctx.services.commentModeration.moderate(decodeGlobalIdOf("Comment", id, "id"), status, signedIn(ctx).id);
  }
}
