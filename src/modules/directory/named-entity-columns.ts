import { ObjectLiteral } from "typeorm";
import { RowShape } from "../../shared/pagination/fetch";
import { ownFieldsOf } from "../../shared/pagination/node-fields";

/** The GraphQL types of the directory, named as their entity classes are. */
export type NamedEntityType = "Author" | "Category" | "Tag";

/**
 * What every row of a directory carries whatever was asked: its id, its
 * slug (its `url`, and the cache tag of the feed under it) and its name
 * (the directories' order, which their cursors carry).
 */
const ALWAYS = ["id", "slug", "name"];

/**
 * What each field of Author, Category and Tag needs read with a row beyond
 * ALWAYS. Every field is listed (a test compares with the schema), so a new
 * field must say what it reads; a field not listed here makes a row read
 * every column. `articles`, the article module's feed of the row, reads by
 * id and tags its answer with the slug.
 */
export const NAMED_ENTITY_FIELD_NEEDS: Record<NamedEntityType, Record<string, string[]>> = {
  Author: { __typename: [], id: [], slug: [], name: [], url: [], articles: [], version: ["version"], bio: ["bio"], avatarUrl: ["avatarUrl"] },
  Category: { __typename: [], id: [], slug: [], name: [], url: [], articles: [], version: ["version"], description: ["description"] },
  Tag: { __typename: [], id: [], slug: [], name: [], url: [], articles: [], version: ["version"] },
};

/**
 * The properties that a row of `type` shown with `fields` (the fields a
 * client selected on it, as `nodeFieldsOf` names them: a `field.sub` name
 * is not one of the row's own) must carry, in one order whatever the order of `fields`; null, every
 * column, when `fields` is not known or names a field not listed.
 */
export function namedEntityColumns(type: NamedEntityType, fields: readonly string[] | undefined): string[] | null {
  const needs = NAMED_ENTITY_FIELD_NEEDS[type];
  const own = fields && ownFieldsOf(fields);
  if (own === undefined || own.some((field) => !(field in needs))) return null;
  const wanted = new Set(own.flatMap((field) => needs[field]));
  return [...ALWAYS, ...new Set(Object.values(needs).flat())].filter((column) => ALWAYS.includes(column) || wanted.has(column));
}

const shapes = new Map<string, RowShape<ObjectLiteral>>();

/** How a directory list reads its rows: only the columns of `namedEntityColumns`. */
export function namedEntityShape<T extends ObjectLiteral>(type: NamedEntityType, fields: readonly string[] | undefined): RowShape<T> {
  const columns = namedEntityColumns(type, fields);
  const key = `${type}:${columns?.join(",") ?? "*"}`;
  let shape = shapes.get(key);
  if (!shape) {
    shape = {
      select: (qb, alias) => (columns === null ? qb : qb.select(columns.map((column) => `${alias}.${column}`))),
      completer: () => () => {},
    };
    shapes.set(key, shape);
  }
  return shape as unknown as RowShape<T>;
}
