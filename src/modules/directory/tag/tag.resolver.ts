import { namedEntityResolver } from "../named-entity.resolver";
import { TagConnection } from "./tag.connection";
import { Tag } from "./tag.entity";

export const TagResolver = namedEntityResolver({
  type: Tag,
  connection: TagConnection,
  single: "tag",
  plural: "tags",
  url: (urls, tag) => urls.tag(tag),
  urlDescription: "The canonical URL of the tag's page: PUBLIC_URL/tag/{slug}.",
  service: (ctx) => ctx.services.tags,
});
