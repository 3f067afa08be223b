import { feedOwnerResolver } from "../../article/list/owner-feeds.resolver";
import { TagConnection } from "./tag.connection";
import { Tag } from "./tag.entity";

export const TagResolver = feedOwnerResolver({
  type: Tag,
  connection: TagConnection,
  single: "tag",
  plural: "tags",
  feedDescription: "Articles carrying this tag, newest first.",
  service: (ctx) => ctx.services.tags,
  feed: (ctx) => ctx.loaders.articlesByTag,
  feedCount: (ctx) => ctx.loaders.articleCountByTag,
});
