import { TaxonomyKind } from "../editing/taxonomy-kind";
import { articleTags } from "./article-tags";
import { Tag } from "./tag.entity";

export const tagKind: TaxonomyKind<Tag> = {
  type: "Tag",
  entity: Tag,
  noun: "tag",
  columns: () => ({}),
  defaults: () => ({}),
  // A tag only labels articles: removing it loses no article, so it needs no target.
  release: (manager, id, targetId) => (targetId === null ? articleTags.removeTag(manager, id) : articleTags.moveTag(manager, id, targetId)),
};
