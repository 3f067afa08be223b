import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { ArticleContext } from "../article.services";
import { Article } from "../article.entity";
import { Block } from "./block.types";
import { ContentBlock, blocksOf } from "./blocks-of";
import { contentOf } from "./article-content";

@Resolver(() => Article)
export class ArticleContentResolver {
  @FieldResolver(() => [Block], {
    description:
      "The body as typed blocks, in reading order, for clients that render without parsing HTML: derived from `body` when it is saved, " +
      "with the 'Keep Reading' box where the editor placed it (by default after the fifth paragraph).",
  })
  async content(@Root() article: Article, @Ctx() ctx: ArticleContext): Promise<ContentBlock[]> {
    // List rows read neither the body nor its content: the page's body loader reads both in its one statement.
    const stored = article.body != null && article.content !== undefined ? article : await ctx.loaders.articleBodyById.load(article.id);
    return blocksOf(stored.content ?? contentOf(stored.body, stored.keepReadingAfterBlockId), article);
  }
}
