import { DataSource } from "typeorm";
import { RawRow } from "../shared/batch";
import { isPostgres } from "./dialect";

/**
 * SQL of the rows that `from` (`FROM …`) selects as one JSON array, in
 * `orderBy`, each row the JSON array of `values` (SQL expressions) by
 * position: no key is repeated in every row, which keeps the text that the
 * store writes and the client parses short. `jsonRowsReader` reads it back
 * with the names of `values`.
 */
export function jsonRowsSql(dataSource: DataSource, values: string[], from: string, orderBy: string): string {
  return isPostgres(dataSource)
    ? `(SELECT COALESCE(json_agg(json_build_array(${values.join(", ")}) ORDER BY ${orderBy}), '[]') ${from})`
    : `(SELECT json_group_array(json_array(${values.join(", ")}) ORDER BY ${orderBy}) ${from})`;
}

/**
 * Reads a `jsonRowsSql` column (parsed by the pg driver already, JSON text
 * from SQLite) as raw rows keyed by `names`, one for each of its values in
 * their order.
 */
export function jsonRowsReader(names: readonly string[]): (value: unknown) => RawRow[] {
  return (value) => {
    const rows = (typeof value === "string" ? JSON.parse(value) : value) as unknown[][];
    return rows.map((values) => {
      const row: RawRow = {};
      for (let index = 0; index < names.length; index++) row[names[index]] = values[index];
      return row;
    });
  };
}
