import { EntityManager } from "typeorm";
import { QueryDeepPartialEntity } from "typeorm/query-builder/QueryPartialEntity";
import { ConflictError, NotFoundError } from "../../shared/errors";
import { Article } from "./article.entity";

export type ArticleChanges = QueryDeepPartialEntity<Article>;

/**
 * Applies `changes` to article `id` only while it is still at `version`:
 * one `UPDATE article SET …, version = version + 1 WHERE id = ? AND
 * version = ?`, so the database, not a read before the write, decides
 * between two editors saving from the same version. Returns the new version;
 * a stale one is a CONFLICT carrying the current version.
 */
export async function updateAtVersion(manager: EntityManager, id: number, version: number, changes: ArticleChanges): Promise<number> {
  const result = await manager
    .createQueryBuilder()
    .update(Article)
    .set({ ...changes, updatedAt: new Date(), version: () => "version + 1" })
    .where("id = :id AND version = :version", { id, version })
    .execute();
  if (result.affected === 1) return version + 1;
  const current = await manager.findOne(Article, { where: { id }, select: { id: true, version: true } });
  if (!current) throw new NotFoundError("No such article.", { field: "id" });
  throw new ConflictError(`The article has changed since version ${version}; reload version ${current.version} and apply your change to it.`, current.version);
}
