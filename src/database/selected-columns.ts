import { ObjectLiteral, SelectQueryBuilder } from "typeorm";
import { DriverUtils } from "typeorm/driver/DriverUtils";

/**
 * The names of the columns `qb` selects, as its raw rows key them
 * (`getRawMany()`): a whole alias gives each of its selected columns,
 * `alias.property` that property's column (`alias_column`, as TypeORM
 * names it), and an expression the name it was given. For SQL that must
 * name each column of a subquery (SQLite's `json_object`).
 */
export function selectedColumns(qb: SelectQueryBuilder<ObjectLiteral>): string[] {
  const { expressionMap, connection } = qb;
  return expressionMap.selects.flatMap(({ selection, aliasName }) => {
    if (aliasName !== undefined) return [aliasName];
    const [alias, property] = selection.split(".", 2);
    const { metadata } = expressionMap.findAliasByName(alias);
    const columns =
      property === undefined ? metadata.columns.filter((column) => column.isSelect) : metadata.columns.filter((column) => column.propertyPath === property);
    if (columns.length === 0) throw new Error(`selectedColumns: ${selection} names no column`);
    return columns.map((column) => DriverUtils.buildAlias(connection.driver, undefined, alias, column.databaseName));
  });
}
