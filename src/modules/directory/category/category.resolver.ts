import { namedEntityResolver } from "../named-entity.resolver";
import { CategoryConnection } from "./category.connection";
import { Category } from "./category.entity";

export const CategoryResolver = namedEntityResolver({
  type: Category,
  connection: CategoryConnection,
  single: "category",
  plural: "categories",
  url: (urls, category) => urls.section(category),
  urlDescription: "The canonical URL of the section's page: PUBLIC_URL/{slug}.",
  service: (ctx) => ctx.services.categories,
});
