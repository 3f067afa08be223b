import {
  GraphQLField,
  GraphQLInputType,
  GraphQLNamedType,
  GraphQLObjectType,
  GraphQLSchema,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
} from "graphql";

/**
 * Every place of the contract where a client sends text: each String or ID
 * argument, and each String or ID field of an input object an argument
 * takes, of the root fields and of the fields of every type `node(id:)`
 * fetches. Derived from the schema, so a new field is covered the day it lands.
 */
export interface StringSlot {
  /** `Query.articles(filter.search)` */
  name: string;
  kind: "query" | "mutation";
  /** Builds the operation that sends `value` there, every other required argument filled honestly. */
  operation(value: string): { query: string; variables: Record<string, unknown> };
}

/** Honest values for the arguments around the slot under test. */
export interface Fillers {
  /** A genuine global id of each Node type, by type name. */
  idOf: Record<string, string>;
}

export function stringSlots(schema: GraphQLSchema, fillers: Fillers): StringSlot[] {
  const slots: StringSlot[] = [];
  const roots: [GraphQLObjectType | null | undefined, "query" | "mutation"][] = [
    [schema.getQueryType(), "query"],
    [schema.getMutationType(), "mutation"],
  ];
  for (const [root, kind] of roots) {
    for (const field of Object.values(root?.getFields() ?? {})) slots.push(...slotsOf(field, kind, null, fillers));
  }
  const node = schema.getType("Node");
  if (node && !isObjectType(node) && "getFields" in node) {
    for (const type of schema.getPossibleTypes(node as never) as GraphQLObjectType[]) {
      for (const field of Object.values(type.getFields())) slots.push(...slotsOf(field, "query", type, fillers));
    }
  }
  return slots;
}

/** The slots of one field: paths (`filter.search`) to each text position of its arguments. */
function slotsOf(field: GraphQLField<unknown, unknown>, kind: "query" | "mutation", parent: GraphQLObjectType | null, fillers: Fillers): StringSlot[] {
  return field.args.flatMap((arg) =>
    textPaths(arg.type, [arg.name], 0).map((path): StringSlot => ({
      name: `${parent?.name ?? (kind === "query" ? "Query" : "Mutation")}.${field.name}(${path.join(".")})`,
      kind,
      operation: (value) => {
        const variables: Record<string, unknown> = {};
        const args = field.args
          .map((other) => {
            const filled = other.name === arg.name ? withValueAt(other.type, path.slice(1), value, fillers) : honest(other.type, other.name, fillers);
            if (filled === undefined) return null;
            variables[other.name] = filled;
            return `${other.name}: $${other.name}`;
          })
          .filter(Boolean);
        const declarations = field.args.filter((other) => other.name in variables).map((other) => `$${other.name}: ${other.type}`);
        const selection = `${field.name}${args.length ? `(${args.join(", ")})` : ""}${isLeafType(getNamedType(field.type)) ? "" : " { __typename }"}`;
        if (!parent) return { query: `${kind}${declarations.length ? `(${declarations.join(", ")})` : ""} { ${selection} }`, variables };
        variables.nodeId = fillers.idOf[parent.name];
        return { query: `query($nodeId: ID!, ${declarations.join(", ")}) { node(id: $nodeId) { ... on ${parent.name} { ${selection} } } }`, variables };
      },
    })),
  );
}

function isText(type: GraphQLNamedType): boolean {
  return type.name === "String" || type.name === "ID";
}

function textPaths(type: GraphQLInputType, path: string[], depth: number): string[][] {
  const named = getNamedType(type);
  if (isText(named)) return [path];
  if (!isInputObjectType(named) || depth > 3) return [];
  return Object.values(named.getFields()).flatMap((field) => textPaths(field.type, [...path, field.name], depth + 1));
}

/** `type`'s honest value with `value` placed at `path` (inside input objects; as the one item of a list). */
function withValueAt(type: GraphQLInputType, path: string[], value: string, fillers: Fillers): unknown {
  const inner = isNonNullType(type) ? type.ofType : type;
  if (isListType(inner)) return [withValueAt(inner.ofType, path, value, fillers)];
  if (path.length === 0 || !isInputObjectType(inner)) return value;
  const [head, ...rest] = path;
  const object = honest(inner, "", fillers, true) as Record<string, unknown>;
  object[head] = withValueAt(inner.getFields()[head].type, rest, value, fillers);
  return object;
}

/** An honest value for a required argument (undefined for an optional one, left out), or for every field of a required input. */
function honest(type: GraphQLInputType, name: string, fillers: Fillers, required = false): unknown {
  if (!isNonNullType(type) && !required) return undefined;
  const inner = isNonNullType(type) ? type.ofType : type;
  if (isListType(inner)) return [honest(inner.ofType, name, fillers, true)];
  if (isInputObjectType(inner)) {
    const fields = Object.values(inner.getFields()).filter((field) => isNonNullType(field.type));
    return Object.fromEntries(fields.map((field) => [field.name, honest(field.type, field.name, fillers)]));
  }
  if (isEnumType(inner)) return inner.getValues()[0].name;
  switch (inner.name) {
    case "ID":
      return fillers.idOf[Object.keys(fillers.idOf).find((typeName) => name.toLowerCase().startsWith(typeName.toLowerCase())) ?? "Article"];
    case "Int":
      return 1;
    case "Float":
      return 1.5;
    case "Boolean":
      return false;
    case "DateTime":
      return "2099-01-01T00:00:00.000Z";
    default:
      if (/email/i.test(name)) return "reader@example.com";
      return /readerKey/i.test(name) ? "an-honest-reader-key-0123" : "honest text";
  }
}
