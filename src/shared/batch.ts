/** `keys.map(key => the row with that key ?? null)`: results in key order, as DataLoader needs. */
export function inKeyOrder<K, T>(keys: readonly K[], rows: T[], keyOf: (row: T) => K): (T | null)[] {
  const byKey = new Map(rows.map((row) => [keyOf(row), row]));
  return keys.map((key) => byKey.get(key) ?? null);
}

export type RawRow = Record<string, unknown>;

/** Builds a result row from an entity and the raw columns selected beside it. */
export type RowBuilder<T, R> = (entity: T, raw: RawRow) => R;

/** Raw rows built one by one and grouped by the raw column holding their parent's id, in the rows' order. */
export function groupRows<T>(raw: RawRow[], parentColumn: string, build: (row: RawRow) => T): Map<number, T[]> {
  const groups = new Map<number, T[]>();
  for (const row of raw) {
    const parentId = Number(row[parentColumn]);
    const group = groups.get(parentId);
    if (group) group.push(build(row));
    else groups.set(parentId, [build(row)]);
  }
  return groups;
}
