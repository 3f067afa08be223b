import { EntityManager } from "typeorm";
import { EntryReference } from "../../feature-module";
import { Article } from "../article.entity";

/**
 * Articles refer to their author and section: a merge moves them (each a
 * new version of the article, so an editor saving from the old one is
 * told), and a delete that would orphan them is refused.
 */
function articlesReferring(type: "Author" | "Category", column: "authorId" | "categoryId"): EntryReference {
  return {
    type,
    name: "articles",
    count: (manager: EntityManager, id: number) => manager.countBy(Article, { [column]: id }),
    move: async (manager: EntityManager, id: number, targetId: number) => {
      await manager.update(Article, { [column]: id }, { [column]: targetId, updatedAt: new Date(), version: () => "version + 1" });
    },
  };
}

export const articleReferences: EntryReference[] = [articlesReferring("Author", "authorId"), articlesReferring("Category", "categoryId")];
