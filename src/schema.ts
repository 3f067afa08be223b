import "reflect-metadata";
import { GraphQLSchema, lexicographicSortSchema, printSchema } from "graphql";
import { DateTimeResolver } from "graphql-scalars";
import { buildSchemaSync } from "type-graphql";
import { authChecker, featureModules } from "./modules";
import { NO_TOPIC_PUBSUB } from "./realtime/no-topic-pubsub";
import { markPropertyFieldsSimple } from "./shared/simple-fields";

let schema: GraphQLSchema | undefined;

/** The executable schema, built once per process from the decorated classes. */
export function buildSchema(): GraphQLSchema {
  if (schema) return schema;
  markPropertyFieldsSimple();
  schema = buildSchemaSync({
    resolvers: featureModules.flatMap((module) => [...module.resolvers, ...(module.subscriptions ?? [])]) as unknown as [Function, ...Function[]],
    authChecker,
    scalarsMap: [{ type: Date, scalar: DateTimeResolver }],
    pubSub: NO_TOPIC_PUBSUB,
    validate: false,
  });
  return schema;
}

/** The SDL that `schema.graphql` must hold, sorted so that diffs stay readable. */
export function printContract(): string {
  return printSchema(lexicographicSortSchema(buildSchema())) + "\n";
}
