import { GraphQLResolveInfo } from "graphql";
import { Arg, Args, ClassType, Ctx, FieldResolver, Info, Query, Resolver, Root } from "type-graphql";
import { ConnectionArgs } from "../../shared/pagination/connection.args";
import { Connection } from "../../shared/pagination/connection.types";
import { nestedPageColumns } from "../../shared/pagination/nested-pages";
import { nodeFieldsOf } from "../../shared/pagination/node-fields";
import { pageRequest } from "../../shared/pagination/page-request";
import { DirectoryContext } from "./directory.services";
import { NamedEntity, NamedEntityService } from "./named-entity.service";
import { PublicUrls } from "./public-urls";

interface NamedEntityOptions<T extends NamedEntity> {
  type: ClassType<T>;
  connection: ClassType<Connection<T>>;
  /** The root fields: `author(slug)` and `authors(…)`. */
  single: string;
  plural: string;
  service(ctx: DirectoryContext): NamedEntityService<T>;
  /** Its canonical URL, and how the field describes it. */
  url(urls: PublicUrls, entity: T): string;
  urlDescription: string;
}

/** The root fields of authors, sections and tags (one by slug, and all of them by name), and their `url`. */
export function namedEntityResolver<T extends NamedEntity>(options: NamedEntityOptions<T>) {
  @Resolver(() => options.type)
  class NamedEntityResolver {
    @Query(() => options.type, { name: options.single, nullable: true, description: "By slug; null when there is none." })
    one(@Arg("slug") slug: string, @Ctx() ctx: DirectoryContext): Promise<T | null> {
      return options.service(ctx).bySlug(slug);
    }

    @Query(() => options.connection, { name: options.plural, description: "All of them, by name." })
    list(@Args() args: ConnectionArgs, @Ctx() ctx: DirectoryContext, @Info() info: GraphQLResolveInfo): Promise<Connection<T>> {
      const service = options.service(ctx);
      return service.list(pageRequest(args, service.order, nodeFieldsOf(info)), (alias) => nestedPageColumns(info, service.nestedPages, ctx, alias));
    }

    @FieldResolver(() => String, { description: options.urlDescription })
    url(@Root() entity: T, @Ctx() ctx: DirectoryContext): string {
      return options.url(ctx.services.urls, entity);
    }
  }
  return NamedEntityResolver;
}
