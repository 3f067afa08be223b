import { Arg, Args, Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { Context } from "../../context";
import { ConnectionArgs } from "../../shared/pagination/connection.args";
import { Connection, connectionFrom } from "../../shared/pagination/connection.types";
import { pageRequest } from "../../shared/pagination/page-request";
import { Article } from "./article.entity";
import { articleOrders } from "./article.orders";
import { CHECK_ALSO_CANDIDATES, chooseCheckAlso } from "./reading-path.service";
import { RelatedArticle, RelatedArticleConnection, RelatedArticleEdge, relatedOrder } from "./related-article";

const SAME_CATEGORY = { nullable: true, defaultValue: false, description: "Only within this article's section." };
const CHECK_ALSO_REQUEST = pageRequest({ first: CHECK_ALSO_CANDIDATES }, articleOrders.NEWEST);

/** Where a reader goes next from an article: related articles, Keep Reading, Check Also, previous and next. */
@Resolver(() => Article)
export class ReadingPathResolver {
  @FieldResolver(() => RelatedArticleConnection, {
    description:
      "Other published articles ranked by shared tags (rarer tags weigh more), section, author and closeness in " +
      "publication time, the editor's Keep Reading pin first; never the article itself.",
  })
  async relatedArticles(@Root() article: Article, @Args() args: ConnectionArgs, @Ctx() ctx: Context): Promise<Connection<Article, RelatedArticleEdge>> {
    const page = await ctx.loaders.relatedByArticle(pageRequest(args, relatedOrder)).load(article.id);
    return connectionFrom(page, () => ctx.loaders.relatedCountByArticle.load(article.id), toRelatedEdge);
  }

  @FieldResolver(() => Article, {
    nullable: true,
    description: "The inline 'Keep Reading' pick: the editor's pin while it is published, else the best related article.",
  })
  async keepReading(@Root() article: Article, @Ctx() ctx: Context): Promise<Article | null> {
    const [first] = await ctx.loaders.relatedPicksByArticle.load(article.id);
    return first ?? null;
  }

  @FieldResolver(() => Article, {
    nullable: true,
    description:
      "The 'Check Also' teaser: the newest published article in the same section that is not this one, not its " +
      "Keep Reading pick and not one of its first three related articles; null when there is none.",
  })
  async checkAlso(@Root() article: Article, @Ctx() ctx: Context): Promise<Article | null> {
    const [picks, newest] = await Promise.all([
      ctx.loaders.relatedPicksByArticle.load(article.id),
      ctx.loaders.articlesByCategory(CHECK_ALSO_REQUEST).load(article.categoryId),
    ]);
    return chooseCheckAlso(article, picks, newest.nodes);
  }

  @FieldResolver(() => Article, { nullable: true, description: "The article published just before this one; null for the first." })
  previousArticle(
    @Root() article: Article,
    @Arg("sameCategory", () => Boolean, SAME_CATEGORY) sameCategory: boolean | null,
    @Ctx() ctx: Context,
  ): Promise<Article | null> {
    return (sameCategory ? ctx.loaders.previousInCategoryByArticle : ctx.loaders.previousByArticle).load(article.id);
  }

  @FieldResolver(() => Article, { nullable: true, description: "The article published just after this one; null for the latest." })
  nextArticle(
    @Root() article: Article,
    @Arg("sameCategory", () => Boolean, SAME_CATEGORY) sameCategory: boolean | null,
    @Ctx() ctx: Context,
  ): Promise<Article | null> {
    return (sameCategory ? ctx.loaders.nextInCategoryByArticle : ctx.loaders.nextByArticle).load(article.id);
  }
}

function toRelatedEdge({ article, score, reasons }: RelatedArticle) {
  return { node: article, score, reasons };
}
