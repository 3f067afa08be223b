import { EntityManager } from "typeorm";
import { InUseError } from "../../../shared/errors";
import { EntryReference } from "../../feature-module";

/**
 * What still refers to row `id`, which is being deleted: moved to
 * `targetId`, or, with no target, a CONFLICT naming how many of each there
 * are. Returns the articles among them (what the payload reports).
 */
export async function releaseReferences(
  manager: EntityManager,
  references: EntryReference[],
  noun: string,
  id: number,
  targetId: number | null,
): Promise<number> {
  const counts: Record<string, number> = {};
  for (const reference of references) counts[reference.name] = await reference.count(manager, id);
  if (targetId === null) {
    const held = Object.entries(counts).filter(([, count]) => count > 0);
    if (held.length > 0) {
      const what = held.map(([name, count]) => `${count} ${name}`).join(" and ");
      throw new InUseError(`This ${noun} still has ${what}: give reassignTo to move them, or move them first.`, { ...counts, field: "input.reassignTo" });
    }
    return 0;
  }
  for (const reference of references) await reference.move(manager, id, targetId);
  return counts.articles ?? 0;
}
