import "reflect-metadata";
import { GraphQLSchema, lexicographicSortSchema, printSchema } from "graphql";
import { DateTimeResolver } from "graphql-scalars";
import { buildSchemaSync } from "type-graphql";
import { authChecker, featureModules } from "./modules";
import { NO_TOPIC_PUBSUB } from "./realtime/no-topic-pubsub";
import { callResolversDirectly } from "./shared/direct-resolvers";
import { markPropertyFieldsSimple } from "./shared/simple-fields";

let schema: GraphQLSchema | undefined;

/** The executable schema, built once per process from the decorated classes. */
export function buildSchema(): GraphQLSchema {
  if (schema) return schema;
  markPropertyFieldsSimple();
  const resolvers = featureModules.flatMap((module) => [...module.resolvers, ...(module.subscriptions ?? [])]);
  const validate = false;
  schema = buildSchemaSync({
    resolvers: resolvers as unknown as [Function, ...Function[]],
    authChecker,
    scalarsMap: [{ type: Date, scalar: DateTimeResolver }],
    pubSub: NO_TOPIC_PUBSUB,
    validate,
  });
  callResolversDirectly(schema, resolvers, { validate });
  return schema;
}

/** The SDL that `schema.graphql` must hold, sorted so that diffs stay readable. */
export function printContract(): string {
  return printSchema(lexicographicSortSchema(buildSchema())) + "\n";
}
