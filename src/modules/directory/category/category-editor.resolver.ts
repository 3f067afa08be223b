import { taxonomyEditorResolver } from "../editing/taxonomy-editor.resolver";
import { CategoryPayload, CreateCategoryInput, DeleteCategoryInput, UpdateCategoryInput } from "./category.inputs";

export const CategoryEditorResolver = taxonomyEditorResolver({
  type: "Category",
  createInput: CreateCategoryInput,
  updateInput: UpdateCategoryInput,
  deleteInput: DeleteCategoryInput,
  payload: CategoryPayload,
  deleteDescription: "Deletes a section. One with articles is a CONFLICT naming how many, unless reassignTo takes them over.",
  editor: (ctx) => ctx.services.categoryEditor,
});
