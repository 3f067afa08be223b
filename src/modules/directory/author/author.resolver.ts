import { feedOwnerResolver } from "../../article/list/owner-feeds.resolver";
import { AuthorConnection } from "./author.connection";
import { Author } from "./author.entity";

export const AuthorResolver = feedOwnerResolver({
  type: Author,
  connection: AuthorConnection,
  single: "author",
  plural: "authors",
  feedDescription: "The 'Load More By <author>' feed, newest first.",
  service: (ctx) => ctx.services.authors,
  feed: (ctx) => ctx.loaders.articlesByAuthor,
  feedCount: (ctx) => ctx.loaders.articleCountByAuthor,
});
