import DataLoader from "dataloader";
import { GraphQLResolveInfo } from "graphql";
import { Args, ClassType, Ctx, FieldResolver, Info, Resolver, Root } from "type-graphql";
import { ConnectionArgs } from "../../../shared/pagination/connection.args";
import { Connection, connectionFrom } from "../../../shared/pagination/connection.types";
import { PagedLoader } from "../../../shared/pagination/paged-loader";
import { nodeFieldsOf } from "../../../shared/pagination/node-fields";
import { pageRequest } from "../../../shared/pagination/page-request";
import { Author, Category, NamedEntity, Tag } from "../../directory";
import { ArticleContext } from "../article.services";
import { Article } from "../article.entity";
import { ArticleConnection } from "./article.connection";
import { articleOrders } from "./article.orders";

interface OwnerFeedOptions<T extends NamedEntity> {
  type: ClassType<T>;
  description: string;
  feed(ctx: ArticleContext): PagedLoader<Article>;
  feedCount(ctx: ArticleContext): DataLoader<number, number>;
}

/**
 * `articles` on a type that owns a feed (authors, sections, tags): its
 * articles, newest first, batched across all parents in the request.
 */
function ownerFeedResolver<T extends NamedEntity>(options: OwnerFeedOptions<T>) {
  @Resolver(() => options.type)
  class OwnerFeedResolver {
    @FieldResolver(() => ArticleConnection, { description: options.description })
    async articles(@Root() owner: T, @Args() args: ConnectionArgs, @Ctx() ctx: ArticleContext, @Info() info: GraphQLResolveInfo): Promise<Connection<Article>> {
      const page = await options
        .feed(ctx)(pageRequest(args, articleOrders.NEWEST, nodeFieldsOf(info)))
        .load(owner.id);
      return connectionFrom(page, () => options.feedCount(ctx).load(owner.id));
    }
  }
  return OwnerFeedResolver;
}

export const ownerFeedResolvers = [
  ownerFeedResolver({
    type: Author,
    description: "The 'Load More By <author>' feed, newest first: the articles this author leads or co-wrote.",
    feed: (ctx) => ctx.loaders.articlesByAuthor,
    feedCount: (ctx) => ctx.loaders.articleCountByAuthor,
  }),
  ownerFeedResolver({
    type: Category,
    description: "The 'Load More In <section>' feed, newest first.",
    feed: (ctx) => ctx.loaders.articlesByCategory,
    feedCount: (ctx) => ctx.loaders.articleCountByCategory,
  }),
  ownerFeedResolver({
    type: Tag,
    description: "Articles carrying this tag, newest first.",
    feed: (ctx) => ctx.loaders.articlesByTag,
    feedCount: (ctx) => ctx.loaders.articleCountByTag,
  }),
];
