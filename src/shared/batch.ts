/** `keys.map(key => the row with that key ?? null)`: results in key order, as DataLoader needs. */
export function inKeyOrder<K, T>(keys: readonly K[], rows: T[], keyOf: (row: T) => K): (T | null)[] {
  const byKey = new Map(rows.map((row) => [keyOf(row), row]));
  return keys.map((key) => byKey.get(key) ?? null);
}

/**
 * Pairs each raw row of a `getRawAndEntities()` answer with its entity, by
 * the raw column holding the entity's id, and groups them by the raw column
 * holding the parent's id, keeping the rows' order within each group.
 */
export function groupByParent<T extends { id: number }>(
  raw: Record<string, unknown>[],
  entities: T[],
  idColumn: string,
  parentColumn: string,
): Map<number, T[]> {
  const byId = new Map(entities.map((entity) => [entity.id, entity]));
  const groups = new Map<number, T[]>();
  for (const row of raw) {
    const parentId = Number(row[parentColumn]);
    const group = groups.get(parentId) ?? [];
    group.push(byId.get(Number(row[idColumn]))!);
    groups.set(parentId, group);
  }
  return groups;
}
