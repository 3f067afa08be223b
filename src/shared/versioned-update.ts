import { EntityManager, EntityTarget, ObjectLiteral } from "typeorm";
import { QueryDeepPartialEntity } from "typeorm/query-builder/QueryPartialEntity";
import { ConflictError, NotFoundError } from "./errors";

/**
 * Applies `changes` to row `id` of `target` only while it is still at
 * `version`: one `UPDATE … SET …, version = version + 1 WHERE id = ? AND
 * version = ?`, so the database, not a read before the write, decides
 * between two editors saving from the same version. Returns the new version;
 * a missing row is NOT_FOUND, a stale version a CONFLICT carrying the
 * current one. `noun` names the row in those messages ("article").
 */
export async function updateAtVersionOf<T extends ObjectLiteral & { id: number; version: number }>(
  manager: EntityManager,
  target: EntityTarget<T>,
  noun: string,
  id: number,
  version: number,
  changes: QueryDeepPartialEntity<T>,
): Promise<number> {
  const result = await manager
    .createQueryBuilder()
    .update(target)
    .set({ ...changes, version: () => "version + 1" } as QueryDeepPartialEntity<T>)
    .where("id = :id AND version = :version", { id, version })
    .execute();
  if (result.affected === 1) return version + 1;
  const current = await manager.getRepository(target).createQueryBuilder("row").select(["row.id", "row.version"]).where("row.id = :id", { id }).getOne();
  if (!current) throw new NotFoundError(`No such ${noun}.`, { field: "id" });
  throw new ConflictError(`The ${noun} has changed since version ${version}; reload version ${current.version} and apply your change to it.`, current.version);
}
