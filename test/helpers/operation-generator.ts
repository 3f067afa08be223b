import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc, { Arbitrary } from "fast-check";
import {
  GraphQLArgument,
  GraphQLCompositeType,
  GraphQLField,
  GraphQLInputType,
  GraphQLSchema,
  buildSchema,
  getNamedType,
  isAbstractType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  parse,
  validate,
} from "graphql";
import { fuzzValues, Mode, ValueSources } from "./fuzz-values";

/**
 * Random operations that are valid against the printed contract
 * (`schema.graphql`), with every argument sent as a variable whose value is
 * drawn from genuine and hostile pools. Driven by the schema alone, so a new
 * field, argument or input type is fuzzed the day it is added.
 *
 * (ibm-graphql-query-generator was the candidate library: it declares
 * graphql ^14 as its peer, its graphql 16 issue is open and unanswered, and
 * its own random source gives fast-check neither seeds nor shrinking.)
 */

export const contract = (): GraphQLSchema => buildSchema(readFileSync(join(__dirname, "..", "..", "..", "schema.graphql"), "utf8"));

/** A variable left out of the request, rather than sent as null. */
export const OMITTED = Symbol("omitted");

interface ArgumentPick {
  name: string;
  type: string;
  value: unknown;
}

type Pick = { kind: "field"; name: string; args: ArgumentPick[]; selection: Pick[] | null } | { kind: "fragment"; on: string; selection: Pick[] };

export interface GeneratedOperation {
  query: string;
  variables: Record<string, unknown>;
}

export interface GeneratorOptions {
  /** Fields deeper than this are not chosen (the depth limit is 10). */
  maxDepth: number;
  /** Fields chosen at most per selection set. */
  maxFields: number;
}

const TYPENAME: Arbitrary<Pick> = fc.constant({ kind: "field", name: "__typename", args: [], selection: null });

/** Builds the arbitraries of one schema once; `operation` draws from them. */
export class OperationGenerator {
  private readonly selections = new Map<string, Arbitrary<Pick[]>>();
  private readonly values: ReturnType<typeof fuzzValues>;

  constructor(
    private readonly schema: GraphQLSchema,
    sources: ValueSources,
    private readonly options: GeneratorOptions,
  ) {
    this.values = fuzzValues(sources);
  }

  /** A query (any number of root fields) or a mutation (one root field: each has effects of its own). */
  operation(kind: "query" | "mutation"): Arbitrary<GeneratedOperation> {
    const root = kind === "query" ? this.schema.getQueryType() : this.schema.getMutationType();
    if (!root) throw new Error(`the schema has no ${kind} type`);
    const picks =
      kind === "query" ? this.selection(root, 0) : fc.oneof(...Object.values(root.getFields()).map((field) => this.field(field, 0))).map((pick) => [pick]);
    return picks.map((selection) => print(kind, selection)).filter((operation) => validate(this.schema, parse(operation.query)).length === 0);
  }

  private selection(type: GraphQLCompositeType, depth: number): Arbitrary<Pick[]> {
    const key = `${type.name}@${depth}`;
    let arbitrary = this.selections.get(key);
    if (!arbitrary) {
      const candidates = [TYPENAME, ...this.fieldsOf(type, depth), ...this.fragmentsOf(type, depth)];
      arbitrary = fc
        .uniqueArray(fc.nat({ max: candidates.length - 1 }), { minLength: 1, maxLength: this.options.maxFields })
        .chain((chosen) => fc.tuple(...chosen.map((index) => candidates[index])));
      this.selections.set(key, arbitrary);
    }
    return arbitrary;
  }

  private fieldsOf(type: GraphQLCompositeType, depth: number): Arbitrary<Pick>[] {
    if (!("getFields" in type)) return [];
    return Object.values(type.getFields())
      .filter((field) => isLeafType(getNamedType(field.type)) || depth + 1 < this.options.maxDepth)
      .map((field) => this.field(field, depth));
  }

  private fragmentsOf(type: GraphQLCompositeType, depth: number): Arbitrary<Pick>[] {
    if (!isAbstractType(type)) return [];
    return this.schema
      .getPossibleTypes(type)
      .map((possible) => this.selection(possible, depth).map((selection): Pick => ({ kind: "fragment", on: possible.name, selection })));
  }

  private field(field: GraphQLField<unknown, unknown>, depth: number): Arbitrary<Pick> {
    const named = getNamedType(field.type);
    const selection: Arbitrary<Pick[] | null> = isLeafType(named) ? fc.constant(null) : this.selection(named as GraphQLCompositeType, depth + 1);
    const args = fc.tuple(...field.args.map((arg) => this.argument(arg)));
    return fc.record({ args, selection }).map(({ args, selection }): Pick => ({ kind: "field", name: field.name, args, selection }));
  }

  private argument(arg: GraphQLArgument): Arbitrary<ArgumentPick> {
    return this.variable(arg.type, arg.name, 0).map((value) => ({ name: arg.name, type: String(arg.type), value }));
  }

  /**
   * A variable's value for `type`: mostly honest, so that most operations
   * reach the resolvers with one or two hostile values among honest ones;
   * sometimes null, absent, or of another type altogether.
   */
  private variable(type: GraphQLInputType, name: string, depth: number): Arbitrary<unknown> {
    const nonNull = isNonNullType(type);
    const inner = nonNull ? type.ofType : type;
    return fc.oneof(
      { weight: 24, arbitrary: this.value(inner, name, depth, "honest") },
      { weight: 4, arbitrary: this.value(inner, name, depth, "hostile") },
      // Optional arguments are mostly left out, as clients do: many pairs (first and last, id and slug) exclude each other.
      { weight: nonNull ? 0 : 28, arbitrary: fc.constantFrom(null, OMITTED, OMITTED) },
      { weight: 1, arbitrary: fc.oneof(fc.constantFrom(null, OMITTED), this.values.wrongType) },
    );
  }

  private value(type: GraphQLInputType, name: string, depth: number, mode: Mode): Arbitrary<unknown> {
    if (isListType(type)) {
      const item = this.variable(type.ofType, name, depth + 1).map((value) => (value === OMITTED ? null : value));
      if (mode === "honest") return fc.array(item, { maxLength: 3 });
      return fc.oneof(fc.array(item, { minLength: 101, maxLength: 120 }), item);
    }
    if (isInputObjectType(type)) {
      if (depth > 3) return fc.constant({});
      const fields = Object.values(type.getFields());
      const record = fc
        .record(Object.fromEntries(fields.map((field) => [field.name, this.variable(field.type, field.name, depth + 1)])))
        .map((object) => Object.fromEntries(Object.entries(object).filter(([, value]) => value !== OMITTED)));
      return mode === "honest" ? record : record.map((object) => ({ ...object, notAField: 1 }));
    }
    if (isEnumType(type)) {
      return mode === "honest" ? fc.constantFrom(...type.getValues().map((value) => value.name)) : this.values.hostileString;
    }
    return this.values.scalar(type.name, name, mode);
  }
}

/** The operation's text, its variables declared with the arguments' own types, and their values. */
function print(kind: "query" | "mutation", selection: Pick[]): GeneratedOperation {
  const declarations: string[] = [];
  const variables: Record<string, unknown> = {};
  const printPicks = (picks: Pick[]): string =>
    `{ ${picks
      .map((pick) => {
        if (pick.kind === "fragment") return `... on ${pick.on} ${printPicks(pick.selection)}`;
        const args = pick.args.map((arg) => {
          const variable = `v${declarations.length}`;
          declarations.push(`$${variable}: ${arg.type}`);
          if (arg.value !== OMITTED) variables[variable] = arg.value;
          return `${arg.name}: $${variable}`;
        });
        return `${pick.name}${args.length ? `(${args.join(", ")})` : ""}${pick.selection ? ` ${printPicks(pick.selection)}` : ""}`;
      })
      .join(" ")} }`;
  const body = printPicks(selection);
  const name = kind === "query" ? "FuzzQuery" : "FuzzMutation";
  return { query: `${kind} ${name}${declarations.length ? `(${declarations.join(", ")})` : ""} ${body}`, variables };
}
