import { feedOwnerResolver } from "../../article/list/owner-feeds.resolver";
import { CategoryConnection } from "./category.connection";
import { Category } from "./category.entity";

export const CategoryResolver = feedOwnerResolver({
  type: Category,
  connection: CategoryConnection,
  single: "category",
  plural: "categories",
  feedDescription: "The 'Load More In <section>' feed, newest first.",
  service: (ctx) => ctx.services.categories,
  feed: (ctx) => ctx.loaders.articlesByCategory,
  feedCount: (ctx) => ctx.loaders.articleCountByCategory,
});
