import { getMetadataStorage } from "type-graphql";

/**
 * Marks `simple` (type-graphql's own option) every decorated field that
 * only reads a plain property: no `@Authorized`, no middleware, the
 * property named as the field, not an accessor and not declared a Promise
 * (graphql-jit reads a field without resolver inline and awaits nothing;
 * an accessor keeps its resolver so that a throw stays that field's error).
 * A field resolver still takes precedence. type-graphql otherwise wraps
 * each such field in a resolver that allocates its middleware context for
 * every value, and graphql-jit calls it with a resolve info per value.
 * Run before the schema is built.
 */
export function markPropertyFieldsSimple(): void {
  const storage = getMetadataStorage();
  const guarded = new Map<Function, Set<string>>();
  for (const { target, fieldName } of [...storage.authorizedFields, ...storage.middlewares]) {
    guarded.set(target, (guarded.get(target) ?? new Set()).add(fieldName));
  }
  for (const field of storage.fields) {
    if (field.simple !== undefined || field.schemaName !== field.name || guarded.get(field.target)?.has(field.name)) continue;
    const prototype = (field.target as { prototype?: object }).prototype;
    if (!prototype || Reflect.getMetadata("design:type", prototype, field.name) === Promise || isAccessor(prototype, field.name)) continue;
    field.simple = true;
  }
}

/** Whether `name` is a getter or setter of `prototype` or of a prototype it inherits from. */
export function isAccessor(prototype: object | null, name: string): boolean {
  for (let at = prototype; at && at !== Object.prototype; at = Object.getPrototypeOf(at)) {
    const descriptor = Object.getOwnPropertyDescriptor(at, name);
    if (descriptor) return descriptor.get !== undefined || descriptor.set !== undefined;
  }
  return false;
}
