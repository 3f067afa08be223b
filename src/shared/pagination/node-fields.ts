import { FieldNode, FragmentDefinitionNode, GraphQLResolveInfo, SelectionSetNode } from "graphql";

const nodeFields = new WeakMap<FieldNode, readonly string[]>();
const objectFields = new WeakMap<FieldNode, readonly string[]>();

/**
 * The names of the fields a client selected on each item of the connection
 * that `info` resolves, under `nodes { … }` and `edges { node { … } }`,
 * through fragments of any type condition and whatever `@skip`/`@include`
 * say (a superset is always safe), sorted and without duplicates. A list
 * reads only the columns these need. The same field of a document asks the
 * same for every parent, so the answer is kept per field node.
 */
export function nodeFieldsOf(info: GraphQLResolveInfo): readonly string[] {
  return keptNames(nodeFields, info, (names, connection) => {
    for (const field of fieldsIn(connection.selectionSet, info.fragments)) {
      const name = field.name.value;
      if (name === "nodes") addNames(names, field.selectionSet, info.fragments);
      if (name === "edges") {
        for (const edgeField of fieldsIn(field.selectionSet, info.fragments)) {
          if (edgeField.name.value === "node") addNames(names, edgeField.selectionSet, info.fragments);
        }
      }
    }
  });
}

/** The names of the fields a client selected on the object that `info` resolves, as `nodeFieldsOf` gives them for a list's items. */
export function selectedFieldsOf(info: GraphQLResolveInfo): readonly string[] {
  return keptNames(objectFields, info, (names, field) => addNames(names, field.selectionSet, info.fragments));
}

function keptNames(
  kept: WeakMap<FieldNode, readonly string[]>,
  info: GraphQLResolveInfo,
  collect: (names: Set<string>, field: FieldNode) => void,
): readonly string[] {
  const first = info.fieldNodes[0];
  let fields = kept.get(first);
  if (!fields) {
    const names = new Set<string>();
    for (const field of info.fieldNodes) collect(names, field);
    fields = [...names].sort();
    kept.set(first, fields);
  }
  return fields;
}

type Fragments = Record<string, FragmentDefinitionNode>;

function addNames(names: Set<string>, selectionSet: SelectionSetNode | undefined, fragments: Fragments): void {
  for (const field of fieldsIn(selectionSet, fragments)) names.add(field.name.value);
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
