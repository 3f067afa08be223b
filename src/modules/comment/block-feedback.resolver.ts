import { Ctx, FieldResolver, Int, Resolver, Root } from "type-graphql";
import { BlockBase } from "../article";
import { CommentContext } from "./comment.services";

/** `inlineFeedbackCount` of every block type: the comment module owns what it counts. */
@Resolver(() => BlockBase)
export class BlockFeedbackResolver {
  @FieldResolver(() => Int)
  async inlineFeedbackCount(@Root() block: BlockBase, @Ctx() ctx: CommentContext): Promise<number> {
    // Blocks that inline feedback cannot point at (figures, embeds, Keep Reading) send no statement.
    if (block.anchors.length === 0) return 0;
    const counts = await ctx.loaders.inlineFeedbackCountsByBlock.load(block.articleId);
    return block.anchors.reduce((sum, id) => sum + (counts.get(id) ?? 0), 0);
  }
}
