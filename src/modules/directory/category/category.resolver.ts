import { namedEntityResolver } from "../named-entity.resolver";
import { CategoryConnection } from "./category.connection";
import { Category } from "./category.entity";

export const CategoryResolver = namedEntityResolver({
  type: Category,
  connection: CategoryConnection,
  single: "category",
  plural: "categories",
  service: (ctx) => ctx.services.categories,
});
