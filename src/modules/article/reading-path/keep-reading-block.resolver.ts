import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { ArticleContext } from "../article.services";
import { Article } from "../article.entity";
import { KeepReadingBlock } from "../content/block.types";
import { keepReadingPick } from "./reading-path.resolver";

@Resolver(() => KeepReadingBlock)
export class KeepReadingBlockResolver {
  @FieldResolver(() => Article, { nullable: true, description: "What the box shows: the article's `keepReading`, read with it (no statement of its own)." })
  article(@Root() block: KeepReadingBlock, @Ctx() ctx: ArticleContext): Promise<Article | null> {
    return keepReadingPick(ctx, block.source.id);
  }
}
