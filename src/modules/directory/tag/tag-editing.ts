import { taxonomyEditorResolver } from "../editing/taxonomy-editor.resolver";
import { TaxonomyKind } from "../editing/taxonomy-kind";
import { CreateInput, DeleteInput, InputNames, TaxonomyPayload, UpdateInput } from "../editing/taxonomy.inputs";
import { articleTags } from "./article-tags";
import { Tag } from "./tag.entity";

/** A tag has nothing beyond its name and slug. */
class TagFields {}

const names: InputNames = { type: "Tag", noun: "tag", name: "The tag's display name" };
export const CreateTagInput = CreateInput(names, TagFields);
export const UpdateTagInput = UpdateInput(names, TagFields);
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
