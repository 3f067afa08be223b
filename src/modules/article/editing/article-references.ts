import { EntityManager } from "typeorm";
import { EntryReference } from "../../feature-module";
import { Article } from "../article.entity";
import { bylines } from "../byline/bylines";

/**
 * Articles refer to their authors (every one in the byline) and section: a
 * merge moves them (each a new version of the article, so an editor saving
 * from the old one is told), and a delete that would orphan them is refused.
 */
const authorReference: EntryReference = {
  type: "Author",
  name: "articles",
  count: (manager: EntityManager, id: number) => bylines.count(manager, id),
  move: (manager: EntityManager, id: number, targetId: number) => bylines.moveAuthor(manager, id, targetId),
};

const sectionReference: EntryReference = {
  type: "Category",
  name: "articles",
  count: (manager: EntityManager, id: number) => manager.countBy(Article, { categoryId: id }),
  move: async (manager: EntityManager, id: number, targetId: number) => {
    await manager.update(Article, { categoryId: id }, { categoryId: targetId, updatedAt: new Date(), version: () => "version + 1" });
  },
};

export const articleReferences: EntryReference[] = [authorReference, sectionReference];
