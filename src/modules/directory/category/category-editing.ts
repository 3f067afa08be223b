import { Field, InputType } from "type-graphql";
import { optionalText } from "../../../shared/input-text";
import { taxonomyEditorResolver } from "../editing/taxonomy-editor.resolver";
import { TaxonomyFields, TaxonomyKind } from "../editing/taxonomy-kind";
import { CreateInput, DeleteInput, InputNames, TaxonomyPayload, UpdateInput } from "../editing/taxonomy.inputs";
import { releaseArticles } from "../../article/editing/article-references";
import { Category } from "./category.entity";

const LIMITS = { description: 2000 };

/** What creating and updating a section share beyond name and slug. */
@InputType({ description: "The fields that creating and updating a section share." })
class CategoryFields {
  @Field(() => String, { nullable: true, description: "What the section covers, plain text; null clears it." })
  description?: string | null;
}

const names: InputNames = { type: "Category", noun: "section", name: "The section's display name" };
export const CreateCategoryInput = CreateInput(names, CategoryFields);
export const UpdateCategoryInput = UpdateInput(names, CategoryFields);
export const DeleteCategoryInput = DeleteInput("Category", "Another section that takes over this one's articles.");
export const CategoryPayload = TaxonomyPayload(Category, "Category", "category");

export const categoryKind: TaxonomyKind<Category> = {
  type: "Category",
  entity: Category,
  noun: "section",
  columns(input: TaxonomyFields & CategoryFields) {
    return input.description === undefined ? {} : { description: optionalText(input.description, "input.description", LIMITS.description) };
  },
  defaults: () => ({}),
  release: (manager, id, targetId) => releaseArticles(manager, "categoryId", "section", id, targetId),
};

export const CategoryEditorResolver = taxonomyEditorResolver({
  type: "Category",
  createInput: CreateCategoryInput,
  updateInput: UpdateCategoryInput,
  deleteInput: DeleteCategoryInput,
  payload: CategoryPayload,
  deleteDescription: "Deletes a section. One with articles is a CONFLICT naming how many, unless reassignTo takes them over.",
  editor: (ctx) => ctx.services.categoryEditor,
});
