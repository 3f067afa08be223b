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
  return isPostgres(dataSource) ? `ABS(CAST(EXTRACT(EPOCH FROM (${a} - ${b})) AS double precision)) / 86400.0` : `ABS(julianday(${a}) - julianday(${b}))`;
}

/**
 * SQL of a timestamp expression moved by whole `days`, comparable with the
 * stored column in its own store (so that a range on it seeks an index).
 */
export function shiftDaysSql(dataSource: DataSource, timestamp: string, days: number): string {
  return isPostgres(dataSource) ? `(${timestamp} + INTERVAL '${days} days')` : `strftime('%Y-%m-%d %H:%M:%f', ${timestamp}, '${days} days')`;
}
