import { Field, ID, InputType, Int } from "type-graphql";
import { optionalText } from "../../shared/input-text";
import { taxonomyEditorResolver } from "../taxonomy/taxonomy-editor.resolver";
import { TaxonomyKind } from "../taxonomy/taxonomy-kind";
import { DeleteInput, TaxonomyPayload } from "../taxonomy/taxonomy.inputs";
import { releaseArticles } from "../taxonomy/article-references";
import { Category } from "./category.entity";

const LIMITS = { description: 2000 };

@InputType({ description: "A new section." })
export class CreateCategoryInput {
  @Field({ description: "The section's display name; the slug is made from it." })
  name: string;

  @Field(() => String, { nullable: true, description: "The slug to use instead (made URL-safe and unique)." })
  slug?: string | null;

  @Field(() => String, { nullable: true, description: "What the section covers, plain text." })
  description?: string | null;
}

@InputType({ description: "Changes to a section; absent fields stay as they are, null clears the description." })
export class UpdateCategoryInput {
  @Field(() => ID)
  id: string;

  @Field(() => Int, { description: "The version the change is based on; a stale one is a CONFLICT." })
  version: number;

  @Field(() => String, { nullable: true, description: "The display name; the slug stays." })
  name?: string | null;

  @Field(() => String, { nullable: true, description: "A new slug (made URL-safe and unique); links with the old one stop working." })
  slug?: string | null;

  @Field(() => String, { nullable: true })
  description?: string | null;
}

export const DeleteCategoryInput = DeleteInput("Category", "Another section that takes over this one's articles.");
export const CategoryPayload = TaxonomyPayload(Category, "Category", "category");

export const categoryKind: TaxonomyKind<Category> = {
  type: "Category",
  entity: Category,
  noun: "section",
  columns(input: Partial<CreateCategoryInput>) {
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
