import { GraphQLResolveInfo } from "graphql";
import { Arg, Args, Ctx, FieldResolver, Info, Int, Query, Resolver, Root } from "type-graphql";
import { ArticleContext } from "./article.services";
import { BadUserInputError } from "../../shared/errors";
import { Connection } from "../../shared/pagination/connection.types";
import { nodeFieldsOf, selectedFieldsOf } from "../../shared/pagination/node-fields";
import { pageRequest } from "../../shared/pagination/page-request";
import { truncateAtWord } from "../../shared/text";
import { Author, Category, Tag } from "../directory";
import { ArticleConnection } from "./list/article.connection";
import { Heading } from "./body/article-body.types";
import { Article } from "./article.entity";
import { authorsOf, bylineOf, canonicalUrlOf, sectionOf, tagsOf } from "./article-relations";
import { ArticleLookupArgs, ArticlesArgs } from "./list/article.inputs";
import { articleOrderFor } from "./list/article.orders";
import { articlePageFeeds } from "./list/article-page-feeds";

const DEFAULT_EXCERPT_LENGTH = 160;
const MAX_EXCERPT_LENGTH = 1000;

@Resolver(() => Article)
export class ArticleResolver {
  @Query(() => Article, {
    nullable: true,
    description:
      "By slug (current or a former one) or by id. Readers see published articles only; " +
      "signed-in editors, and authors for their own, also drafts and scheduled ones (preview), as does anyone with its previewToken.",
  })
  async article(@Args() { slug, id, previewToken }: ArticleLookupArgs, @Ctx() ctx: ArticleContext, @Info() info: GraphQLResolveInfo): Promise<Article | null> {
    const rowId = ctx.services.articles.lookupId(slug, id);
    const lookup = rowId === null ? { slug: slug! } : { id: rowId };
    if (previewToken != null) return ctx.services.preview.read(previewToken, lookup);
    const published = await (rowId === null
      ? ctx.services.articleLookup.published({ slug: slug! }, selectedFieldsOf(info), (alias) => articlePageFeeds(info, ctx, alias))
      : ctx.loaders.articleById.load(rowId));
    if (published || !ctx.viewer) return published;
    return ctx.services.articleLookup.readable(ctx.viewer, lookup);
  }

  @Query(() => ArticleConnection, { description: "Published articles (editors: any status), filtered and sorted." })
  articles(@Args() args: ArticlesArgs, @Ctx() ctx: ArticleContext, @Info() info: GraphQLResolveInfo): Promise<Connection<Article>> {
    const order = articleOrderFor(args.orderBy, args.filter?.status, args.filter?.readWindow);
    return ctx.services.articles.list(args.filter, pageRequest(args, order, nodeFieldsOf(info)), ctx.viewer);
  }

  @FieldResolver(() => String, { description: "Plain text, cut at a word boundary, ending with an ellipsis when cut." })
  excerpt(@Root() article: Article, @Arg("maxLength", () => Int, { nullable: true, defaultValue: DEFAULT_EXCERPT_LENGTH }) maxLength: number | null): string {
    const length = maxLength ?? DEFAULT_EXCERPT_LENGTH;
    if (length < 1 || length > MAX_EXCERPT_LENGTH) {
      throw new BadUserInputError(`maxLength must be between 1 and ${MAX_EXCERPT_LENGTH}.`, { field: "maxLength" });
    }
    return truncateAtWord(article.editorExcerpt ?? article.leadText, length);
  }

  @FieldResolver(() => String, {
    description:
      "Sanitized HTML. Every block (heading, paragraph, quote, list item) carries a stable id attribute; " + "the headings' ids are the anchors of `headings`.",
  })
  async body(@Root() article: Article, @Ctx() ctx: ArticleContext): Promise<string> {
    return article.body ?? (await ctx.loaders.articleBodyById.load(article.id)).body;
  }

  @FieldResolver(() => [Heading], { description: "The body's section headings, in order, for a table of contents." })
  async headings(@Root() article: Article, @Ctx() ctx: ArticleContext): Promise<Heading[]> {
    return article.headings ?? (await ctx.loaders.articleBodyById.load(article.id)).headings;
  }

  @FieldResolver(() => Author, { description: "The lead author: the first of `authors`." })
  author(@Root() article: Article, @Ctx() ctx: ArticleContext): Promise<Author | null> | Author {
    return bylineOf(article, ctx);
  }

  @FieldResolver(() => [Author], { description: "Everyone the byline credits, in byline order: the lead author first, then the co-authors." })
  authors(@Root() article: Article, @Ctx() ctx: ArticleContext): Promise<Author[]> | Author[] {
    return authorsOf(article, ctx);
  }

  @FieldResolver(() => Category, { description: "The section the article appears in." })
  category(@Root() article: Article, @Ctx() ctx: ArticleContext): Promise<Category | null> | Category {
    return sectionOf(article, ctx);
  }

  @FieldResolver(() => String, {
    description:
      "The canonical URL of the article's page: PUBLIC_URL and ARTICLE_URL_TEMPLATE (by default PUBLIC_URL/{section}/{slug}, the section's slug and the article's).",
  })
  url(@Root() article: Article, @Ctx() ctx: ArticleContext): Promise<string> {
    // Lists join the section in when `url` is asked for; a lookup shares the batch of `category`.
    return canonicalUrlOf(article, ctx);
  }

  @FieldResolver(() => [Tag], { description: "By name." })
  tags(@Root() article: Article, @Ctx() ctx: ArticleContext): Promise<Tag[]> | Tag[] {
    return tagsOf(article, ctx);
  }
}
