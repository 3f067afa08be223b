import { Field, InputType } from "type-graphql";
import { CreateInput, DeleteInput, InputNames, TaxonomyPayload, UpdateInput } from "../editing/taxonomy.inputs";
import { Category } from "./category.entity";

/** What creating and updating a section share beyond name and slug. */
@InputType({ description: "The fields that creating and updating a section share." })
export class CategoryFields {
  @Field(() => String, { nullable: true, description: "What the section covers, plain text; null clears it." })
  description?: string | null;
}

const names: InputNames = { type: "Category", noun: "section", name: "The section's display name" };
export const CreateCategoryInput = CreateInput(names, CategoryFields);
export const UpdateCategoryInput = UpdateInput(names, CategoryFields);
export const DeleteCategoryInput = DeleteInput("Category", "Another section that takes over this one's articles.");
export const CategoryPayload = TaxonomyPayload(Category, "Category", "category");
