import { namedEntityResolver } from "../named-entity.resolver";
import { AuthorConnection } from "./author.connection";
import { Author } from "./author.entity";

export const AuthorResolver = namedEntityResolver({
  type: Author,
  connection: AuthorConnection,
  single: "author",
  plural: "authors",
  service: (ctx) => ctx.services.authors,
});
