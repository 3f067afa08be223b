import { DataSource } from "typeorm";

/**
 * The few places where SQLite and PostgreSQL need different SQL (full-text
 * search, date arithmetic) ask this; everything else is written once.
 */
export function isPostgres(dataSource: DataSource): boolean {
  return dataSource.options.type === "postgres";
}

/** SQL for the days between two timestamp expressions, as a double, never negative. */
export function daysApartSql(dataSource: DataSource, a: string, b: string): string {
  return isPostgres(dataSource)
    ? `ABS(CAST(EXTRACT(EPOCH FROM (${a} - ${b})) AS double precision)) / 86400.0`
    : `ABS(julianday(${a}) - julianday(${b}))`;
}
