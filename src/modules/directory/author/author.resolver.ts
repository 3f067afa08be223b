import { namedEntityResolver } from "../named-entity.resolver";
import { AuthorConnection } from "./author.connection";
import { Author } from "./author.entity";

export const AuthorResolver = namedEntityResolver({
  type: Author,
  connection: AuthorConnection,
  single: "author",
  plural: "authors",
  url: (urls, author) => urls.author(author),
  urlDescription: "The canonical URL of the author's page: PUBLIC_URL/author/{slug}.",
  service: (ctx) => ctx.services.authors,
});
