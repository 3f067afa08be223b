import { GraphQLResolveInfo } from "graphql";
import { Args, ClassType, Ctx, FieldResolver, Info, Resolver, Root } from "type-graphql";
import { BadUserInputError } from "../../../shared/errors";
import { ConnectionArgs } from "../../../shared/pagination/connection.args";
import { Connection, connectionFrom } from "../../../shared/pagination/connection.types";
import { PageColumn } from "../../../shared/pagination/fetch";
import { NestedPages } from "../../../shared/pagination/nested-pages";
import { BatchLoader, PagedLoader } from "../../../shared/pagination/paged-loader";
import { nodeFieldsOf } from "../../../shared/pagination/node-fields";
import { PageRequest, pageRequest } from "../../../shared/pagination/page-request";
import { Author, Category, NamedEntity, Tag } from "../../directory";
import { ArticleContext } from "../article.services";
import { Article } from "../article.entity";
import { ArticleConnection } from "./article.connection";
import { articleOrders } from "./article.orders";

interface OwnerFeedOptions<T extends NamedEntity> {
  type: ClassType<T>;
  description: string;
  feed(ctx: ArticleContext): PagedLoader<Article>;
  feedCount(ctx: ArticleContext): BatchLoader<number, number>;
  /** The feed's page as a column of a statement listing owners (see `NestedPages`). */
  column(ctx: ArticleContext, request: PageRequest<Article>, ownerKey: string): PageColumn<Article>;
}

/**
 * `articles` on a type that owns a feed (authors, sections, tags): its
 * articles, newest first, batched across all parents in the request.
 */
function ownerFeedResolver<T extends NamedEntity>(options: OwnerFeedOptions<T>) {
  @Resolver(() => options.type)
  class OwnerFeedResolver {
    @FieldResolver(() => ArticleConnection, { description: options.description })
    articles(
      @Root() owner: T,
      @Args() args: ConnectionArgs,
      @Ctx() ctx: ArticleContext,
      @Info() info: GraphQLResolveInfo,
    ): Promise<Connection<Article>> | Connection<Article> {
      const feed = options.feed(ctx).ofField(info, () => pageRequest(args, articleOrders.NEWEST, nodeFieldsOf(info)));
      const countAll = () => options.feedCount(ctx).load(owner.id);
      // A page its owners' list read (see `nestedFeed`) answers at once: no promise for each of a directory's owners.
      const primed = feed.primedPage(owner.id);
      return primed ? connectionFrom(primed, countAll) : feed.load(owner.id).then((page) => connectionFrom(page, countAll));
    }
  }
  return OwnerFeedResolver;
}

/**
 * The feed's first pages read by a list of its owners (`authors { nodes {
 * articles … } }`) in the list's statement and handed to the loader that
 * `articles` reads: the page the resolver would have read, without a
 * statement of its own. Pages from a cursor, and arguments the resolver
 * refuses (it reports them), are left to the resolver.
 */
function nestedFeed<T extends NamedEntity>(options: OwnerFeedOptions<T>): NestedPages<ArticleContext> {
  return {
    type: options.type.name,
    field: "articles",
    column(ctx, args, fields, ownerKey) {
      const request = firstPageRequest(args, fields);
      if (request === null) return null;
      const loader = options.feed(ctx)(request);
      const prime = loader.prime;
      if (!prime) return null;
      const column = options.column(ctx, request, ownerKey);
      return { sql: column.sql, parameters: column.parameters, take: (ownerId, value) => prime(ownerId, column.read(value)) };
    },
  };
}

/**
 * The request `articles` makes for `args` with the item fields `fields`
 * when another statement may read its page: null under a cursor, and for
 * arguments the resolver refuses (it reports them).
 */
export function firstPageRequest(args: Record<string, unknown>, fields: readonly string[]): PageRequest<Article> | null {
  const request = refusedAsNull(() => pageRequest(args, articleOrders.NEWEST, fields));
  return request === null || request.after !== null || request.before !== null ? null : request;
}

function refusedAsNull<R>(make: () => R): R | null {
  try {
    return make();
  } catch (error) {
    if (error instanceof BadUserInputError) return null;
    throw error;
  }
}

const OWNER_FEEDS = [
  {
    type: Author,
    description: "The 'Load More By <author>' feed, newest first: the articles this author leads or co-wrote.",
    feed: (ctx) => ctx.loaders.articlesByAuthor,
    feedCount: (ctx) => ctx.loaders.articleCountByAuthor,
    column: (ctx, request, ownerKey) => ctx.services.articles.pageColumnByAuthor(request, ownerKey),
  } satisfies OwnerFeedOptions<Author>,
  {
    type: Category,
    description: "The 'Load More In <section>' feed, newest first.",
    feed: (ctx) => ctx.loaders.articlesByCategory,
    feedCount: (ctx) => ctx.loaders.articleCountByCategory,
    column: (ctx, request, ownerKey) => ctx.services.articles.pageColumnByCategory(request, ownerKey),
  } satisfies OwnerFeedOptions<Category>,
  {
    type: Tag,
    description: "Articles carrying this tag, newest first.",
    feed: (ctx) => ctx.loaders.articlesByTag,
    feedCount: (ctx) => ctx.loaders.articleCountByTag,
    column: (ctx, request, ownerKey) => ctx.services.articles.pageColumnByTag(request, ownerKey),
  } satisfies OwnerFeedOptions<Tag>,
];

export const ownerFeedResolvers = OWNER_FEEDS.map((options) => ownerFeedResolver<NamedEntity>(options));

export const ownerFeedNestedPages = OWNER_FEEDS.map((options) => nestedFeed<NamedEntity>(options));
