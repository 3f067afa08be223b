import { optionalText } from "../../../shared/input-text";
import { releaseReferences } from "../editing/release-references";
import { TaxonomyFields, TaxonomyKind } from "../editing/taxonomy-kind";
import { Category } from "./category.entity";
import { CategoryFields } from "./category.inputs";

const LIMITS = { description: 2000 };

export const categoryKind: TaxonomyKind<Category> = {
  type: "Category",
  entity: Category,
  noun: "section",
  columns(input: TaxonomyFields & CategoryFields) {
    return input.description === undefined ? {} : { description: optionalText(input.description, "input.description", LIMITS.description) };
  },
  defaults: () => ({}),
  release: (manager, id, targetId, references) => releaseReferences(manager, references, "section", id, targetId),
};
