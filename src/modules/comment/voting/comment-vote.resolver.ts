import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from "type-graphql";
import { readerOf } from "../../../shared/reader-key";
import { CommentContext } from "../comment.services";
import { Comment } from "../comment.entity";
import { VoteCommentInput, VoteCommentPayload } from "./vote-comment.input";
import { VoteValue } from "./vote-value";

@Resolver(() => Comment)
export class CommentVoteResolver {
  @Mutation(() => VoteCommentPayload, {
    description:
      "A reader votes UP or DOWN on an approved comment, or removes their vote (value: null): one vote per reader per comment, " +
      "the signed-in user, else readerKey. Safe to retry by construction: a vote sets the reader's vote rather than adding one, " +
      "so a retried call is counted once. Rate-limited per client address and per reader (RATE_LIMITED with retryAfter).",
  })
  voteComment(@Arg("input", () => VoteCommentInput) input: VoteCommentInput, @Ctx() ctx: CommentContext): Promise<VoteCommentPayload> {
    return ctx.services.commentVotes.vote(input, ctx.viewer, ctx.clientAddress);
  }

  @FieldResolver(() => VoteValue, {
    nullable: true,
    description:
      "The reader's own vote: the signed-in user's, else that of readerKey (as sent to voteComment); null when they have none or no reader is named. " +
      "An answer naming a readerKey is that reader's: it is never cached for others.",
  })
  viewerVote(
    @Root() comment: Comment,
    @Arg("readerKey", () => String, { nullable: true, description: "The reader when no one is signed in, as in voteComment." }) readerKey: string | null,
    @Ctx() ctx: CommentContext,
  ): Promise<VoteValue | null> | null {
    const voter = readerOf(ctx.viewer, readerKey, "readerKey");
    return voter === null ? null : ctx.loaders.voteByComment(voter).load(comment.id);
  }
}
