import { FieldNode, FragmentDefinitionNode, GraphQLResolveInfo, SelectionSetNode } from "graphql";

type Fragments = Record<string, FragmentDefinitionNode>;

const nodeFields = new WeakMap<FieldNode, readonly string[]>();
const objectFields = new WeakMap<FieldNode, readonly string[]>();

/**
 * The names of the fields a client selected on each item of the connection
 * that `info` resolves, under `nodes { … }` and `edges { node { … } }`,
 * through fragments of any type condition and whatever `@skip`/`@include`
 * say (a superset is always safe), sorted and without duplicates; for a
 * field with fields of its own, also `field.sub` for each of those (one
 * level: what the row of the object it shows must carry). A list reads
 * only the columns these need. The same field of a document asks the
 * same for every parent, so the answer is kept per field node.
 */
export function nodeFieldsOf(info: GraphQLResolveInfo): readonly string[] {
  return nodeFieldsOfNodes(info.fieldNodes, info.fragments);
}

/** `nodeFieldsOf` for the connection field whose nodes (all of one response key) are `fieldNodes`. */
export function nodeFieldsOfNodes(fieldNodes: readonly FieldNode[], fragments: Fragments): readonly string[] {
  return keptNames(nodeFields, fieldNodes, (names, connection) => {
    for (const field of itemFieldsOf(connection, fragments)) addField(names, field, fragments);
  });
}

/** The names of the fields a client selected on the object that `info` resolves, as `nodeFieldsOf` gives them for a list's items. */
export function selectedFieldsOf(info: GraphQLResolveInfo): readonly string[] {
  return selectedFieldsOfNodes(info.fieldNodes, info.fragments);
}

/** `selectedFieldsOf` for the object field whose nodes (all of one response key) are `fieldNodes`. */
export function selectedFieldsOfNodes(fieldNodes: readonly FieldNode[], fragments: Fragments): readonly string[] {
  return keptNames(objectFields, fieldNodes, (names, field) => addNames(names, field.selectionSet, fragments));
}

/**
 * The fields selected on the object that `fieldNodes` (all of one response
 * key) resolve, fragments spread out, grouped by response key as their
 * resolvers' `info.fieldNodes` would be (whatever `@skip`/`@include` say).
 */
export function fieldGroupsOf(fieldNodes: readonly FieldNode[], fragments: Fragments): FieldNode[][] {
  const groups = new Map<string, FieldNode[]>();
  for (const field of fieldNodes.flatMap((node) => fieldsIn(node.selectionSet, fragments))) {
    const key = field.alias?.value ?? field.name.value;
    const group = groups.get(key);
    if (group) group.push(field);
    else groups.set(key, [field]);
  }
  return [...groups.values()];
}

/** The fields selected on each item of the connection field `connection`, under `nodes { … }` and `edges { node { … } }`, fragments spread out. */
export function itemFieldsOf(connection: FieldNode, fragments: Fragments): FieldNode[] {
  const items: FieldNode[] = [];
  for (const field of fieldsIn(connection.selectionSet, fragments)) {
    const name = field.name.value;
    if (name === "nodes") items.push(...fieldsIn(field.selectionSet, fragments));
    if (name === "edges") {
      for (const edgeField of fieldsIn(field.selectionSet, fragments)) {
        if (edgeField.name.value === "node") items.push(...fieldsIn(edgeField.selectionSet, fragments));
      }
    }
  }
  return items;
}

function keptNames(
  kept: WeakMap<FieldNode, readonly string[]>,
  fieldNodes: readonly FieldNode[],
  collect: (names: Set<string>, field: FieldNode) => void,
): readonly string[] {
  const first = fieldNodes[0];
  let fields = kept.get(first);
  if (!fields) {
    const names = new Set<string>();
    for (const field of fieldNodes) collect(names, field);
    fields = [...names].sort();
    kept.set(first, fields);
  }
  return fields;
}

function addNames(names: Set<string>, selectionSet: SelectionSetNode | undefined, fragments: Fragments): void {
  for (const field of fieldsIn(selectionSet, fragments)) addField(names, field, fragments);
}

/** `field`'s name, and `name.sub` for each field selected on it. */
function addField(names: Set<string>, field: FieldNode, fragments: Fragments): void {
  const name = field.name.value;
  names.add(name);
  for (const sub of fieldsIn(field.selectionSet, fragments)) names.add(`${name}.${sub.name.value}`);
}

/** Of the names `nodeFieldsOf` gives, those of the item's own fields (not `field.sub`). */
export function ownFieldsOf(fields: readonly string[]): string[] {
  return fields.filter((name) => !name.includes("."));
}

/** Of the names `nodeFieldsOf` gives, the fields selected on the item's `field` (`author.name`: `name`). */
export function subfieldsOf(fields: readonly string[], field: string): string[] {
  const prefix = `${field}.`;
  return fields.filter((name) => name.startsWith(prefix)).map((name) => name.slice(prefix.length));
}

/** The fields of a selection set, fragments spread out (validation has already refused fragment cycles). */
function fieldsIn(selectionSet: SelectionSetNode | undefined, fragments: Fragments): FieldNode[] {
  if (!selectionSet) return [];
  return selectionSet.selections.flatMap((selection) => {
    if (selection.kind === "Field") return [selection];
    if (selection.kind === "InlineFragment") return fieldsIn(selection.selectionSet, fragments);
    return fieldsIn(fragments[selection.name.value]?.selectionSet, fragments);
  });
}
