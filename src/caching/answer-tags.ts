import { GraphQLFieldResolver, GraphQLObjectType, GraphQLSchema, defaultFieldResolver, getNamedType, isInterfaceType, isObjectType } from "graphql";
import { connectionItems, listsConnectionItems } from "../shared/pagination/connection.types";
import { tags } from "./cache-tags";

/** What a request's tags are collected into: the context's `cacheTags`. */
interface Tagged {
  cacheTags: Set<string>;
}

/** Adds the list tags of one field's answer, from its parent and arguments. */
export type ListTagRule = (parent: any, args: any, add: (tag: string) => void) => void;

/** The object tag of every value of one class that a field returns. */
export interface ObjectTagRule {
  type: abstract new (...args: any[]) => unknown;
  tag(value: any): string;
}

/**
 * What one module's answers are tagged with: its objects, by class, and the
 * lists its fields page or pick from, by schema coordinate. Objects need no
 * list rule: every value a field returns is tagged by its class, lists'
 * items included.
 */
export interface AnswerTagRules {
  objects?: ObjectTagRule[];
  lists?: Record<string, ListTagRule>;
}

/** Types whose fields may return shown content or page a list: the rest (mutations, payloads, users) are never shared. */
const SKIPPED_TYPES = new Set(["Mutation", "Subscription"]);

const instrumented = new WeakSet<GraphQLSchema>();

/**
 * Wraps the resolvers of `schema` (in place) so that each request collects
 * into `context.cacheTags` the tags of what its answer shows: the object
 * tag of every value a field returns that a rule knows the class of, the
 * list tags of the fields that have a rule, and `missing` for a root lookup
 * that found nothing. Only fields returning objects are wrapped: scalar fields, most
 * of an answer, run as they did. A connection's items are tagged when the
 * connection is returned, whatever of it the client selected (its cursors
 * and `hasNextPage` depend on them too), so that its `edges` and `nodes`
 * stay plain properties: graphql-jit reads those inline, where a resolver
 * costs a call, its resolve info and its path for each page of each list.
 */
export function collectAnswerTags(schema: GraphQLSchema, rules: AnswerTagRules[]): GraphQLSchema {
  // The schema is built once per process and shared by every server in it: wrapped once.
  if (instrumented.has(schema)) return schema;
  instrumented.add(schema);
  const lists: Record<string, ListTagRule> = Object.assign({}, ...rules.map((rule) => rule.lists ?? {}));
  const objects = new ObjectTagRules(rules.flatMap((rule) => rule.objects ?? []));
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith("__") || SKIPPED_TYPES.has(type.name)) continue;
    wrapFields(type, type === schema.getQueryType(), lists, objects);
  }
  return schema;
}

function wrapFields(type: GraphQLObjectType, root: boolean, lists: Record<string, ListTagRule>, objects: ObjectTagRules): void {
  for (const field of Object.values(type.getFields())) {
    const rule = lists[`${type.name}.${field.name}`];
    const named = getNamedType(field.type);
    if (!rule && !isObjectType(named) && !isInterfaceType(named)) continue;
    if (!rule && !field.resolve && listsConnectionItems(type.name, field.name)) continue;
    field.resolve = tagging(field.resolve ?? defaultFieldResolver, rule, root, objects);
  }
}

function tagging(
  resolve: GraphQLFieldResolver<unknown, Tagged>,
  rule: ListTagRule | undefined,
  root: boolean,
  objects: ObjectTagRules,
): GraphQLFieldResolver<unknown, Tagged> {
  return (parent, args, context, info) => {
    const tagSet = context.cacheTags;
    if (rule) rule(parent, args, (tag) => tagSet.add(tag));
    const result = resolve(parent, args, context, info);
    if (result instanceof Promise) return result.then((value) => tagValue(value, tagSet, root, objects));
    return tagValue(result, tagSet, root, objects);
  };
}

function tagValue<T>(value: T, tagSet: Set<string>, root: boolean, objects: ObjectTagRules): T {
  if (Array.isArray(value)) {
    for (const item of value) tagOne(item, tagSet, root, objects);
  } else {
    tagOne(value, tagSet, root, objects);
  }
  return value;
}

function tagOne(value: unknown, tagSet: Set<string>, root: boolean, objects: ObjectTagRules): void {
  if (value == null) {
    if (root) tagSet.add(tags.missing);
    return;
  }
  const items = connectionItems(value);
  if (items) {
    for (const item of items) tagOne(item, tagSet, false, objects);
    return;
  }
  const rule = objects.of(value);
  if (rule) tagSet.add(rule.tag(value));
}

/**
 * The object rules, each value's found by its class (the first rule whose
 * class it is an instance of) and remembered per prototype: an answer's
 * values are a few classes' instances over and over.
 */
class ObjectTagRules {
  private readonly byPrototype = new Map<unknown, ObjectTagRule | null>();

  constructor(private readonly rules: ObjectTagRule[]) {}

  of(value: unknown): ObjectTagRule | null {
    if (typeof value !== "object" && typeof value !== "function") return null;
    const prototype = Object.getPrototypeOf(value);
    let rule = this.byPrototype.get(prototype);
    if (rule === undefined) {
      rule = this.rules.find((candidate) => value instanceof candidate.type) ?? null;
      this.byPrototype.set(prototype, rule);
    }
    return rule;
  }
}
