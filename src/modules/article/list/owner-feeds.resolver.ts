import DataLoader from "dataloader";
import { GraphQLResolveInfo } from "graphql";
import { Arg, Args, ClassType, Ctx, FieldResolver, Info, Query, Resolver, Root } from "type-graphql";
import { Context } from "../../../context";
import { NamedEntity, NamedEntityService } from "../../directory/named-entity.service";
import { ConnectionArgs } from "../../../shared/pagination/connection.args";
import { Connection, connectionFrom } from "../../../shared/pagination/connection.types";
import { PagedLoader } from "../../../shared/pagination/paged-loader";
import { nodeFieldsOf } from "../../../shared/pagination/node-fields";
import { pageRequest } from "../../../shared/pagination/page-request";
import { ArticleConnection } from "./article.connection";
import { Article } from "../article.entity";
import { articleOrders } from "./article.orders";

interface FeedOwnerOptions<T extends NamedEntity> {
  type: ClassType<T>;
  connection: ClassType<Connection<T>>;
  /** The root fields: `author(slug)` and `authors(…)`. */
  single: string;
  plural: string;
  feedDescription: string;
  service(ctx: Context): NamedEntityService<T>;
  feed(ctx: Context): PagedLoader<Article>;
  feedCount(ctx: Context): DataLoader<number, number>;
}

/**
 * The resolver of a type that owns a feed of articles (authors, categories,
 * tags): look one up by slug, list them by name, and page its articles,
 * newest first, batched across all parents in the request.
 */
export function feedOwnerResolver<T extends NamedEntity>(options: FeedOwnerOptions<T>) {
  @Resolver(() => options.type)
  class FeedOwnerResolver {
    @Query(() => options.type, { name: options.single, nullable: true, description: "By slug; null when there is none." })
    one(@Arg("slug") slug: string, @Ctx() ctx: Context): Promise<T | null> {
      return options.service(ctx).bySlug(slug);
    }

    @Query(() => options.connection, { name: options.plural, description: "All of them, by name." })
    list(@Args() args: ConnectionArgs, @Ctx() ctx: Context): Promise<Connection<T>> {
      const service = options.service(ctx);
      return service.list(pageRequest(args, service.order));
    }

    @FieldResolver(() => ArticleConnection, { description: options.feedDescription })
    async articles(@Root() owner: T, @Args() args: ConnectionArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Promise<Connection<Article>> {
      const page = await options.feed(ctx)(pageRequest(args, articleOrders.NEWEST, nodeFieldsOf(info))).load(owner.id);
      return connectionFrom(page, () => options.feedCount(ctx).load(owner.id));
    }
  }
  return FeedOwnerResolver;
}
