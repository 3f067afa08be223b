import { Field, ID, InputType, Int } from "type-graphql";
import { taxonomyEditorResolver } from "../taxonomy/taxonomy-editor.resolver";
import { TaxonomyKind } from "../taxonomy/taxonomy-kind";
import { DeleteInput, TaxonomyPayload } from "../taxonomy/taxonomy.inputs";
import { articleTags } from "./article-tags";
import { Tag } from "./tag.entity";

@InputType({ description: "A new tag." })
export class CreateTagInput {
  @Field({ description: "The tag's display name; the slug is made from it." })
  name: string;

  @Field(() => String, { nullable: true, description: "The slug to use instead (made URL-safe and unique)." })
  slug?: string | null;
}

@InputType({ description: "Changes to a tag; absent fields stay as they are." })
export class UpdateTagInput {
  @Field(() => ID)
  id: string;

  @Field(() => Int, { description: "The version the change is based on; a stale one is a CONFLICT." })
  version: number;

  @Field(() => String, { nullable: true, description: "The display name; the slug stays." })
  name?: string | null;

  @Field(() => String, { nullable: true, description: "A new slug (made URL-safe and unique); links with the old one stop working." })
  slug?: string | null;
}

export const DeleteTagInput = DeleteInput("Tag", "Another tag that the articles carrying this one get instead (a merge).");
export const TagPayload = TaxonomyPayload(Tag, "Tag", "tag");

export const tagKind: TaxonomyKind<Tag> = {
  type: "Tag",
  entity: Tag,
  noun: "tag",
  columns: () => ({}),
  defaults: () => ({}),
  // A tag only labels articles: removing it loses no article, so it needs no target.
  release: (manager, id, targetId) => (targetId === null ? articleTags.removeTag(manager, id) : articleTags.moveTag(manager, id, targetId)),
};

export const TagEditorResolver = taxonomyEditorResolver({
  type: "Tag",
  createInput: CreateTagInput,
  updateInput: UpdateTagInput,
  deleteInput: DeleteTagInput,
  payload: TagPayload,
  deleteDescription: "Deletes a tag and its links to articles; with reassignTo, those articles get that tag instead.",
  editor: (ctx) => ctx.services.tagEditor,
});
