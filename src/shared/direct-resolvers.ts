import { GraphQLField, GraphQLFieldResolver, GraphQLInterfaceType, GraphQLObjectType, GraphQLScalarType, GraphQLSchema } from "graphql";
import { getMetadataStorage } from "type-graphql";
import { isAccessor } from "./simple-fields";

type Storage = ReturnType<typeof getMetadataStorage>;
type ResolverMetadata = Storage["queries"][number] | Storage["fieldResolvers"][number];
type ParamMetadata = Storage["params"][number];
type ArgParamMetadata = Extract<ParamMetadata, { kind: "arg" }>;
type TypeThunk = ArgParamMetadata["getType"];
type TypeOptions = ArgParamMetadata["typeOptions"];

/** One parameter of a method, read from a call's resolver arguments; `FALLBACK` when this call needs type-graphql's own handling. */
type ParamReader = (root: unknown, args: Record<string, unknown>, context: Record<string, unknown>, info: unknown) => unknown;

const FALLBACK = Symbol("fallback");

/**
 * Replaces, in `schema` as type-graphql built it, the resolver of each
 * `@Query` and `@FieldResolver` method of `resolverClasses` (an interface's
 * included, on every type implementing it) that needs none of
 * type-graphql's per-call work with a direct call of the method, and that
 * of each decorated accessor (the global id) or renamed property with a
 * plain read.
 * type-graphql calls every such method through a general path that, for
 * each value, sorts the method's parameters, converts its arguments into
 * class instances, validates them asynchronously (so that any method taking
 * an argument answers with a promise) and runs the middleware chain. A
 * method qualifies when it has no `@Authorized` roles and no middleware, and
 * each parameter is the root, the context (or one of its properties), the
 * info, or arguments of scalar or enum type that validation would pass
 * through (`validate: false`, nothing set per argument). Arguments reach it
 * as type-graphql would pass them: `@Arg` as its value, `@Args` as an
 * instance of its class holding the given fields. A root that type-graphql
 * would convert (not already an instance of its declared type) is left to
 * type-graphql's resolver, as is every other method.
 */
export function callResolversDirectly(schema: GraphQLSchema, resolverClasses: readonly Function[], options: { validate: boolean }): void {
  if (options.validate) return;
  const storage = getMetadataStorage();
  const typeNames = new Map([...storage.objectTypes, ...storage.interfaceTypes].map((type) => [type.target, type.name]));
  const classes = new Set(resolverClasses);
  const claims = new Map<GraphQLField<unknown, unknown>, ResolverMetadata[]>();
  const queryFields = schema.getQueryType()?.getFields() ?? {};
  for (const metadata of storage.queries) {
    if (queryFields[metadata.schemaName]) add(claims, queryFields[metadata.schemaName], metadata);
  }
  for (const metadata of storage.fieldResolvers) {
    const type = metadata.getObjectType && schema.getType(typeNames.get(metadata.getObjectType() as Function) ?? "");
    // A method of an interface's resolver answers the field on every type implementing it.
    const types = type instanceof GraphQLObjectType ? [type] : type instanceof GraphQLInterfaceType ? [type, ...schema.getPossibleTypes(type)] : [];
    for (const claimed of types) {
      const field = claimed.getFields()[metadata.schemaName];
      if (field) add(claims, field, metadata);
    }
  }
  for (const [field, [metadata, ...others]] of claims) {
    // A field more than one method claims keeps the resolver type-graphql chose.
    if (others.length > 0 || !field.resolve) continue;
    const internal = "kind" in metadata && metadata.kind === "internal";
    const resolve = internal ? accessorResolver(metadata, field.resolve) : classes.has(metadata.target) && directResolver(metadata, field.resolve, storage);
    if (resolve) field.resolve = resolve;
  }
  for (const objectType of storage.objectTypes) {
    const type = schema.getType(objectType.name);
    if (!(type instanceof GraphQLObjectType)) continue;
    for (const field of Object.values(type.getFields())) {
      if (!field.resolve || claims.has(field)) continue;
      const metadata = fieldMetadataOf(objectType.target, field.name, storage);
      if (metadata && metadata.roles === undefined && (metadata.middlewares?.length ?? 0) === 0 && (metadata.params?.length ?? 0) === 0) {
        const property = metadata.name;
        field.resolve = (root) => (root as Record<string, unknown>)[property];
      }
    }
  }
}

/** The decorated property or accessor that is field `schemaName` of the object class `target` or of a class it extends. */
function fieldMetadataOf(target: Function, schemaName: string, storage: Storage): Storage["fields"][number] | undefined {
  for (let at = target; at && at.prototype !== undefined; at = Object.getPrototypeOf(at)) {
    const metadata = storage.fields.find((field) => field.target === at && field.schemaName === schemaName);
    if (metadata) return metadata;
  }
  return undefined;
}

function add<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const values = map.get(key);
  if (values) values.push(value);
  else map.set(key, [value]);
}

/**
 * An accessor of an object or interface class that is a field (the global
 * id), read off the root; a root of another class is left to type-graphql,
 * which makes one of it.
 */
function accessorResolver(metadata: ResolverMetadata, original: GraphQLFieldResolver<unknown, unknown>): GraphQLFieldResolver<unknown, unknown> | null {
  const Type = (metadata as Storage["fieldResolvers"][number]).getObjectType?.() as Function | undefined;
  const name = metadata.methodName;
  if (
    !Type ||
    !isAccessor(Type.prototype, name) ||
    metadata.roles !== undefined ||
    (metadata.middlewares?.length ?? 0) > 0 ||
    (metadata.params?.length ?? 0) > 0
  )
    return null;
  return (root, args, context, info) => (root instanceof Type ? (root as Record<string, unknown>)[name] : original(root, args, context, info));
}

function directResolver(
  metadata: ResolverMetadata,
  original: GraphQLFieldResolver<unknown, unknown>,
  storage: Storage,
): GraphQLFieldResolver<unknown, unknown> | null {
  const ResolverClass = metadata.target as new () => Record<string, (...params: unknown[]) => unknown>;
  // A class whose constructor takes or sets anything is left to type-graphql's container, which makes its instance.
  if (metadata.roles !== undefined || (metadata.middlewares?.length ?? 0) > 0 || ResolverClass.length > 0 || Object.keys(new ResolverClass()).length > 0)
    return null;
  const params = [...(metadata.params ?? [])].sort((a, b) => a.index - b.index);
  if (params.some((param, index) => param.index !== index)) return null;
  const readers: ParamReader[] = [];
  for (const param of params) {
    const reader = paramReader(param, storage);
    if (!reader) return null;
    readers.push(reader);
  }
  const instance = new ResolverClass();
  const method = instance[metadata.methodName];
  return (root, args, context, info) => {
    const values = new Array<unknown>(readers.length);
    for (let index = 0; index < readers.length; index++) {
      const value = readers[index](root, args as Record<string, unknown>, context as Record<string, unknown>, info);
      if (value === FALLBACK) return original(root, args, context, info as never);
      values[index] = value;
    }
    return method.apply(instance, values);
  };
}

function paramReader(param: ParamMetadata, storage: Storage): ParamReader | null {
  switch (param.kind) {
    case "info":
      return (_root, _args, _context, info) => info;
    case "context": {
      const property = param.propertyName;
      return property ? (_root, _args, context) => context[property] : (_root, _args, context) => context;
    }
    case "root": {
      const property = param.propertyName;
      const Type = param.getType?.();
      return (root) => {
        const value = property ? (root as Record<string, unknown>)[property] : root;
        // type-graphql converts any other root into an instance of its type.
        return typeof Type !== "function" || value == null || value instanceof Type ? value : FALLBACK;
      };
    }
    case "arg": {
      if (!passesThrough(param.getType, param.typeOptions, storage) || !unvalidated(param)) return null;
      const name = param.name;
      return (_root, args) => args[name];
    }
    case "args": {
      const ArgsClass = param.getType() as new () => Record<string, unknown>;
      const names = argsFieldNames(ArgsClass, storage);
      if (!names || !unvalidated(param) || Object.keys(new ArgsClass()).length > 0) return null;
      return (_root, args) => {
        const instance = new ArgsClass();
        for (const name of names) if (args[name] !== undefined) instance[name] = args[name];
        return instance;
      };
    }
    default:
      return null;
  }
}

function unvalidated(param: ArgParamMetadata | Extract<ParamMetadata, { kind: "args" }>): boolean {
  return param.validateSettings === undefined && param.validateFn === undefined;
}

/** The fields of an `@ArgsType` class and its superclasses, when every one passes through type-graphql's conversion unchanged. */
function argsFieldNames(ArgsClass: Function, storage: Storage): string[] | null {
  const names: string[] = [];
  for (let at = ArgsClass; at && at.prototype !== undefined; at = Object.getPrototypeOf(at)) {
    const argsType = storage.argumentTypes.find((type) => type.target === at);
    if (!argsType) continue;
    for (const field of argsType.fields ?? []) {
      if (!passesThrough(field.getType, field.typeOptions, storage)) return null;
      names.push(field.name);
    }
  }
  return names;
}

/** Whether type-graphql hands a value of this type to the method as it came: a scalar or an enum, not a list and not an input class. */
function passesThrough(getType: TypeThunk, typeOptions: TypeOptions, storage: Storage): boolean {
  if (typeOptions.array) return false;
  const type = getType();
  if (type instanceof GraphQLScalarType) return true;
  if (typeof type !== "function") return storage.enums.some((metadata) => metadata.enumObj === type);
  return type === String || type === Number || type === Boolean || type === Date;
}
