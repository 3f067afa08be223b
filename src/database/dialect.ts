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

/**
 * SQL of a timestamp expression moved by whole `days`, comparable with the
 * stored column in its own store (so that a range on it seeks an index).
 */
export function shiftDaysSql(dataSource: DataSource, timestamp: string, days: number): string {
  return isPostgres(dataSource)
    ? `(${timestamp} + INTERVAL '${days} days')`
    : `strftime('%Y-%m-%d %H:%M:%f', ${timestamp}, '${days} days')`;
}

/**
 * SQL of how many articles there are, for weights that only need the
 * order of magnitude. SQLite counts a table from its b-tree in microseconds;
 * PostgreSQL has no such count (COUNT(*) reads all 100,000 index entries, 50
 * ms), so it reads the planner's row estimate, which VACUUM and ANALYZE keep
 * within a few percent, and counts only a table never analysed (-1 or 0).
 */
export function articleCountSql(dataSource: DataSource): string {
  return isPostgres(dataSource)
    ? `(SELECT CASE WHEN class.reltuples > 0 THEN class.reltuples ELSE (SELECT COUNT(*) FROM article) END
        FROM pg_class class WHERE class.oid = 'article'::regclass)`
    : "(SELECT COUNT(*) FROM article)";
}
