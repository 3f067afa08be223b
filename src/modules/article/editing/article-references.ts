import { EntityManager } from "typeorm";
import { InUseError } from "../../../shared/errors";
import { Article } from "../article.entity";

/**
 * Articles referring to an author or a section that is being deleted:
 * moved to `targetId` (each a new version of the article, so an editor
 * saving from the old one is told), or, with no target, a CONFLICT naming
 * how many there are. `others` counts further references the caller
 * releases itself (an author's accounts). Returns the articles moved.
 */
export async function releaseArticles(
  manager: EntityManager,
  column: "authorId" | "categoryId",
  noun: string,
  id: number,
  targetId: number | null,
  others: Record<string, number> = {},
): Promise<number> {
  const articles = await manager.countBy(Article, { [column]: id });
  const counts = { articles, ...others };
  if (targetId === null) {
    if (Object.values(counts).some((count) => count > 0)) {
      const what = Object.entries(counts).filter(([, count]) => count > 0).map(([name, count]) => `${count} ${name}`).join(" and ");
      throw new InUseError(`This ${noun} still has ${what}: give reassignTo to move them, or move them first.`, { ...counts, field: "input.reassignTo" });
    }
    return 0;
  }
  await manager.update(Article, { [column]: id }, { [column]: targetId, updatedAt: new Date(), version: () => "version + 1" });
  return articles;
}
