import { Arg, Ctx, Resolver, Root, Subscription } from "type-graphql";
import { ArticleContext } from "../article.services";
import { NotFoundError } from "../../../shared/errors";
import { Article } from "../article.entity";
import { ArticlePublishedEvent, articlePublishedTopic } from "./article-published";

/** Only the events of one section, when a slug is given; closing the result closes `events`. */
async function* inSection(events: AsyncIterableIterator<ArticlePublishedEvent>, categoryId: number | null) {
  for await (const event of events) if (categoryId === null || event.categoryId === categoryId) yield event;
}

@Resolver(() => Article)
export class ArticlePublishedResolver {
  @Subscription(() => Article, {
    description: "Articles as they go live, by hand or on schedule; with categorySlug, only that section's (graphql-ws on /graphql).",
    subscribe: async ({ args, context }) => {
      const { services } = context as ArticleContext;
      const slug = args.categorySlug as string | null | undefined;
      const category = slug == null ? null : await services.categories.bySlug(slug);
      if (slug != null && !category) throw new NotFoundError("No section has this slug.", { field: "categorySlug" });
      return inSection(await services.pubsub.subscribe(articlePublishedTopic), category?.id ?? null);
    },
  })
  async articlePublished(
    @Root() event: ArticlePublishedEvent,
    @Arg("categorySlug", () => String, { nullable: true }) _categorySlug: string | null,
    @Ctx() ctx: ArticleContext,
  ): Promise<Article> {
    // Read afresh: an event carries only an id, and the article may have been withdrawn since.
    const [article] = await ctx.services.articles.byIds([event.articleId]);
    if (!article) throw new NotFoundError("The article is no longer published.");
    return article;
  }
}
