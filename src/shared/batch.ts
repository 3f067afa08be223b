/** `keys.map(key => the row with that key ?? null)`: results in key order, as DataLoader needs. */
export function inKeyOrder<K, T>(keys: readonly K[], rows: T[], keyOf: (row: T) => K): (T | null)[] {
  const byKey = new Map(rows.map((row) => [keyOf(row), row]));
  return keys.map((key) => byKey.get(key) ?? null);
}

export type RawRow = Record<string, unknown>;

/** Builds a result row from an entity and the raw columns selected beside it. */
export type RowBuilder<T, R> = (entity: T, raw: RawRow) => R;

const entityItself = <T, R>(entity: T) => entity as unknown as R;

/**
 * Pairs each raw row of a `getRawAndEntities()` answer with its entity, by
 * the raw column holding the entity's id, in the raw rows' order: the same
 * entity may stand in several rows (one per parent), each built apart.
 */
export function rowsWithEntities<T extends { id: number }, R = T>(
  raw: RawRow[],
  entities: T[],
  idColumn: string,
  build: RowBuilder<T, R> = entityItself,
): R[] {
  const byId = new Map(entities.map((entity) => [entity.id, entity]));
  return raw.map((row) => build(byId.get(Number(row[idColumn]))!, row));
}

/**
 * The entities of a `getRawAndEntities()` answer grouped by the raw column
 * holding the parent's id, in the raw rows' order: the same entity may
 * stand in several groups (one per parent).
 */
export function groupByParent<T extends { id: number }>(raw: RawRow[], entities: T[], idColumn: string, parentColumn: string): Map<number, T[]> {
  const rows = rowsWithEntities<T, T>(raw, entities, idColumn);
  const groups = new Map<number, T[]>();
  raw.forEach((row, index) => {
    const parentId = Number(row[parentColumn]);
    const group = groups.get(parentId) ?? [];
    group.push(rows[index]);
    groups.set(parentId, group);
  });
  return groups;
}
