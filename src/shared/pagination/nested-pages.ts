import { GraphQLObjectType, GraphQLResolveInfo, getArgumentValues } from "graphql";
import { ObjectLiteral } from "typeorm";
import { ComputedColumns } from "./fetch";
import { itemFieldsOf, nodeFieldsOfNodes } from "./node-fields";

/** What a list's statement reads for one connection field of its items: SQL over an item's row, and where each item's value goes. */
export interface NestedPageColumn {
  sql: string;
  parameters: ObjectLiteral;
  /** Takes the value read for the item whose id is `parentId`: primes the loader the field's resolver reads. */
  take(parentId: number, value: unknown): void;
}

/**
 * A connection field that a module adds to another module's type
 * (article's `Author.articles`) whose page a list of those objects
 * (directory's `authors`) can read in its own statement, so that the list
 * and its items' pages take one statement. Listed in the adding module's
 * manifest (`FeatureModule.nestedPages`); the list's service holds those of
 * its type.
 */
export interface NestedPages<Context = any> {
  /** The GraphQL type the field is on, and its name there. */
  type: string;
  field: string;
  /**
   * The column that reads the page `args` ask for, with the item fields
   * `fields`, for each item of a list whose row key is the SQL `parentKey`;
   * null when the field reads its pages itself (arguments its resolver
   * refuses, a cursor, loaders that do not batch).
   */
  column(ctx: Context, args: Record<string, unknown>, fields: readonly string[], parentKey: string): NestedPageColumn | null;
}

/**
 * What the list that `info` resolves reads beside its rows (aliased
 * `alias`) for the fields of `nested` that its client selected on each
 * item: a column each, whose values are handed over as the rows are built.
 * A field selected more than once on the items (under aliases, or merged
 * from fragments) reads its pages itself.
 */
export function nestedPageColumns<E extends { id: number }>(
  info: GraphQLResolveInfo,
  nested: readonly NestedPages[],
  ctx: unknown,
  alias: string,
): ComputedColumns<E, E> | undefined {
  if (nested.length === 0) return undefined;
  const items = info.fieldNodes.flatMap((node) => itemFieldsOf(node, info.fragments));
  const columns: Record<string, string> = {};
  const parameters: ObjectLiteral = {};
  const takes: [string, NestedPageColumn["take"]][] = [];
  for (const candidate of nested) {
    const selected = items.filter((field) => field.name.value === candidate.field);
    if (selected.length !== 1) continue;
    const definition = (info.schema.getType(candidate.type) as GraphQLObjectType).getFields()[candidate.field];
    const args = getArgumentValues(definition, selected[0], info.variableValues);
    const column = candidate.column(ctx, args, nodeFieldsOfNodes(selected, info.fragments), `${alias}.id`);
    if (!column) continue;
    const name = `nested_${candidate.field}`;
    columns[name] = column.sql;
    Object.assign(parameters, column.parameters);
    takes.push([name, column.take]);
  }
  if (takes.length === 0) return undefined;
  return {
    columns,
    parameters,
    build(entity, raw) {
      for (const [name, take] of takes) take(entity.id, raw[name]);
      return entity;
    },
  };
}
