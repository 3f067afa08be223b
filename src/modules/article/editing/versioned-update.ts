import { EntityManager } from "typeorm";
import { QueryDeepPartialEntity } from "typeorm/query-builder/QueryPartialEntity";
import { updateAtVersionOf } from "../../../shared/versioned-update";
import { Article } from "../article.entity";

export type ArticleChanges = QueryDeepPartialEntity<Article>;

/** `updateAtVersionOf` for articles, which also stamp `updatedAt`. Returns the new version. */
export function updateAtVersion(manager: EntityManager, id: number, version: number, changes: ArticleChanges): Promise<number> {
  return updateAtVersionOf(manager, Article, "article", id, version, { ...changes, updatedAt: new Date() });
}
