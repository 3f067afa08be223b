import { Arg, Ctx, FieldResolver, Int, Mutation, Resolver, Root } from "type-graphql";
import { ArticleContext } from "../article.services";
import { Article } from "../article.entity";
import { ReadWindow } from "./read-window";
import { RecordViewInput } from "./record-view.input";

@Resolver(() => Article)
export class ViewsResolver {
  @Mutation(() => Boolean, {
    description:
      "Counts a view of an article's page for 'Most read': a reader counts once per article in each window (HOUR, DAY, WEEK), " +
      "so this is safe to retry by construction: a retried call counts nothing more. True when this call counted the view in " +
      "some window; false when it counted nowhere (the reader was counted lately in every window, a crawler's user agent, or " +
      "more calls from the client's address than VIEW_RATE_LIMIT): never an error for those, so a page never breaks over a counter. " +
      "Counts show in viewCount and MOST_READ after the next flush (VIEW_FLUSH_INTERVAL_MS).",
  })
  recordView(@Arg("input", () => RecordViewInput) input: RecordViewInput, @Ctx() ctx: ArticleContext): Promise<boolean> {
    return ctx.services.views.record(input.articleId, input.readerKey, ctx);
  }

  @FieldResolver(() => Int, {
    description: "Readers of the article in the window, each counted once; as of the last flush of counted views (VIEW_FLUSH_INTERVAL_MS).",
  })
  viewCount(
    @Root() article: Article,
    @Arg("window", () => ReadWindow, { nullable: true, defaultValue: ReadWindow.WEEK }) window: ReadWindow | null,
    @Ctx() ctx: ArticleContext,
  ): Promise<number> {
    return ctx.loaders.viewCountByArticle(window ?? ReadWindow.WEEK).load(article.id);
  }
}
