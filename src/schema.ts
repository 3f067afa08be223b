import "reflect-metadata";
import { GraphQLSchema, lexicographicSortSchema, printSchema } from "graphql";
import { DateTimeResolver } from "graphql-scalars";
import { buildSchemaSync } from "type-graphql";
import { ArticleResolver } from "./modules/article/article.resolver";
import { AuthorResolver } from "./modules/author/author.resolver";
import { CategoryResolver } from "./modules/category/category.resolver";
import { ReadingPathResolver } from "./modules/article/reading-path.resolver";
import { CommentResolver } from "./modules/comment/comment.resolver";
import { NodeResolver } from "./modules/node/node.resolver";
import { TagResolver } from "./modules/tag/tag.resolver";

let schema: GraphQLSchema | undefined;

/** The executable schema, built once per process from the decorated classes. */
export function buildSchema(): GraphQLSchema {
  schema ??= buildSchemaSync({
    resolvers: [ArticleResolver, AuthorResolver, CategoryResolver, CommentResolver, NodeResolver, ReadingPathResolver, TagResolver],
    scalarsMap: [{ type: Date, scalar: DateTimeResolver }],
    validate: false,
  });
  return schema;
}

/** The SDL that `schema.graphql` must hold, sorted so that diffs stay readable. */
export function printContract(): string {
  return printSchema(lexicographicSortSchema(buildSchema())) + "\n";
}
