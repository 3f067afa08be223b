import { Arg, Ctx, Mutation, Query, Resolver } from "type-graphql";
import { CommentContext } from "../comment.services";
import { AddCommentInput, AddCommentPayload } from "./add-comment.input";
import { Comment } from "../comment.entity";

@Resolver(() => Comment)
export class CommentWriterResolver {
  @Mutation(() => AddCommentPayload, { description: "Posts a comment or a reply; APPROVED or PENDING by the moderation policy." })
  addComment(@Arg("input", () => AddCommentInput) input: AddCommentInput, @Ctx() ctx: CommentContext): Promise<AddCommentPayload> {
    return ctx.services.commentWriter.add(input, ctx.clientAddress);
  }

  @Query(() => Comment, { nullable: true, description: "A guest's own comment by its editToken, pending ones included; null for an unknown token." })
  commentByEditToken(@Arg("editToken") editToken: string, @Ctx() ctx: CommentContext): Promise<Comment | null> {
    return ctx.services.commentWriter.byEditToken(editToken);
  }

  @Mutation(() => Comment, { description: "A guest edits their own comment with its editToken, within the edit window." })
  editComment(@Arg("editToken") editToken: string, @Arg("body") body: string, @Ctx() ctx: CommentContext): Promise<Comment> {
    return ctx.services.commentWriter.edit(editToken, body);
  }

  @Mutation(() => Boolean, { description: "A guest deletes their own comment with its editToken, within the edit window." })
  async deleteComment(@Arg("editToken") editToken: string, @Ctx() ctx: CommentContext): Promise<boolean> {
    await ctx.services.commentWriter.delete(editToken);
    return true;
  }
}
