import { namedEntityResolver } from "../named-entity.resolver";
import { TagConnection } from "./tag.connection";
import { Tag } from "./tag.entity";

export const TagResolver = namedEntityResolver({
  type: Tag,
  connection: TagConnection,
  single: "tag",
  plural: "tags",
  service: (ctx) => ctx.services.tags,
});
