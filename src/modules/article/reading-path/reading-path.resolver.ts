import { GraphQLResolveInfo } from "graphql";
import { Arg, Args, Ctx, FieldResolver, Info, Resolver, Root } from "type-graphql";
import { ArticleContext } from "../article.services";
import { ConnectionArgs } from "../../../shared/pagination/connection.args";
import { Connection, connectionFrom } from "../../../shared/pagination/connection.types";
import { selectedFieldsOf } from "../../../shared/pagination/node-fields";
import { Page, pageOfList } from "../../../shared/pagination/page";
import { PageRequest, pageRequest } from "../../../shared/pagination/page-request";
import { Article } from "../article.entity";
import { CHECK_ALSO_CANDIDATES, RANK_DEPTH, RELATED_PICKS, checkAlsoCandidates, chooseCheckAlso } from "./reading-path.service";
import { RelatedArticle, RelatedArticleConnection, RelatedArticleEdge, RelatedRanking, relatedOrder } from "./related-article";

const SAME_CATEGORY = { nullable: true, defaultValue: false, description: "Only within this article's section." };

/** Where a reader goes next from an article: related articles, Keep Reading, Check Also, previous and next. */
@Resolver(() => Article)
export class ReadingPathResolver {
  @FieldResolver(() => RelatedArticleConnection, {
    description:
      "Other published articles ranked by shared tags (rarer tags weigh more), section, author and closeness in " +
      "publication time, the editor's Keep Reading pin first; never the article itself.",
  })
  async relatedArticles(
    @Root() article: Article,
    @Args() args: ConnectionArgs,
    @Ctx() ctx: ArticleContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Connection<Article, RelatedArticleEdge>> {
    const request = pageRequest(args, relatedOrder);
    const counted = selectedFieldsOf(info).includes("totalCount");
    const ranking = await ctx.loaders.relatedRankingByArticle.load(article.id, rankingRowsFor(request), counted);
    const page = rankingPage(ranking, request) ?? pageOfList((await ctx.loaders.fullRelatedRankingByArticle.load(article.id)).rows, request);
    const nodes = await Promise.all(page.nodes.map((row) => ctx.loaders.articleInListById.load(row.id)));
    // A ranked article unpublished since the ranking was read has no node: its edge is left out, with its cursor.
    const shown = page.nodes.flatMap((row, index) => (nodes[index] ? [{ row, node: nodes[index], index }] : []));
    return connectionFrom(
      { ...page, nodes: shown, cursor: (at) => page.cursor(shown[at].index) },
      // Counted when this field shows totalCount; a ranking that another field read first, uncounted, leaves it to the full one.
      async () => ranking.total ?? (await ctx.loaders.fullRelatedRankingByArticle.load(article.id)).total!,
      ({ row, node }) => ({ node, score: row.score, reasons: row.reasons }),
    );
  }

  @FieldResolver(() => Article, {
    nullable: true,
    description: "The inline 'Keep Reading' pick: the editor's pin while it is published, else the best related article.",
  })
  async keepReading(@Root() article: Article, @Ctx() ctx: ArticleContext): Promise<Article | null> {
    return keepReadingPick(ctx, article.id);
  }

  @FieldResolver(() => Article, {
    nullable: true,
    description:
      "The 'Check Also' teaser: the newest published article in the same section that is not this one, not its " +
      "Keep Reading pick and not one of its first three related articles; when the section has none, the newest such " +
      "article of the whole site; null when there is none.",
  })
  async checkAlso(@Root() article: Article, @Ctx() ctx: ArticleContext, @Info() info: GraphQLResolveInfo): Promise<Article | null> {
    const candidates = checkAlsoCandidates(selectedFieldsOf(info));
    const [shown, inSection] = await Promise.all([picks(ctx, article.id), ctx.loaders.articlesByCategory(candidates).load(article.categoryId)]);
    // The site-wide list is read only when the section has nothing left: a page whose section has a candidate sends no more SQL.
    const pick = chooseCheckAlso(article, shown, inSection.nodes);
    if (pick) return pick;
    return chooseCheckAlso(article, shown, await ctx.loaders.newestArticlesByCount.load(CHECK_ALSO_CANDIDATES));
  }

  @FieldResolver(() => Article, { nullable: true, description: "The article published just before this one; null for the first." })
  previousArticle(
    @Root() article: Article,
    @Arg("sameCategory", () => Boolean, SAME_CATEGORY) sameCategory: boolean | null,
    @Ctx() ctx: ArticleContext,
  ): Promise<Article | null> {
    return (sameCategory ? ctx.loaders.previousInCategoryByArticle : ctx.loaders.previousByArticle).load(article.id);
  }

  @FieldResolver(() => Article, { nullable: true, description: "The article published just after this one; null for the latest." })
  nextArticle(
    @Root() article: Article,
    @Arg("sameCategory", () => Boolean, SAME_CATEGORY) sameCategory: boolean | null,
    @Ctx() ctx: ArticleContext,
  ): Promise<Article | null> {
    return (sameCategory ? ctx.loaders.nextInCategoryByArticle : ctx.loaders.nextByArticle).load(article.id);
  }
}

/** The Keep Reading pick of an article: `Article.keepReading`, and `KeepReadingBlock.article` from the same loaders. */
export async function keepReadingPick(ctx: ArticleContext, articleId: number): Promise<Article | null> {
  const [first] = await picks(ctx, articleId);
  return first ?? null;
}

/** The first RELATED_PICKS related articles, the editor's pin first while it is published. */
async function picks(ctx: ArticleContext, articleId: number): Promise<Article[]> {
  const { rows } = await ctx.loaders.relatedRankingByArticle.load(articleId, RELATED_PICKS);
  const articles = await Promise.all(rows.slice(0, RELATED_PICKS).map((row) => ctx.loaders.articleInListById.load(row.id)));
  return articles.filter((pick): pick is Article => pick !== null);
}

/**
 * How many rows of a ranking answer a page without the full ranking: a
 * first page and one more row, to tell whether more follow. Where a page
 * after a cursor starts is known only from the rows, and a backward page
 * reads the full ranking: those read to RANK_DEPTH, as every page did.
 */
function rankingRowsFor(request: PageRequest<RelatedArticle>): number {
  return request.after || request.before || request.backward ? RANK_DEPTH : request.limit + 1;
}

/**
 * The page of a ranking read to some depth, or null when the page may reach
 * past the rows it holds: backward pages start from the end, and a forward
 * page needs limit + 1 rows after its cursor to know whether more follow.
 */
function rankingPage(ranking: RelatedRanking, request: PageRequest<RelatedArticle>): Page<RelatedArticle> | null {
  const complete = ranking.rows.length === ranking.total;
  if (complete) return pageOfList(ranking.rows, request);
  if (request.backward || request.before) return null;
  const page = pageOfList(ranking.rows, request);
  return page.hasNextPage ? page : null;
}
