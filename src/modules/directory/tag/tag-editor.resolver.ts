import { taxonomyEditorResolver } from "../editing/taxonomy-editor.resolver";
import { CreateTagInput, DeleteTagInput, TagPayload, UpdateTagInput } from "./tag.inputs";

export const TagEditorResolver = taxonomyEditorResolver({
  type: "Tag",
  createInput: CreateTagInput,
  updateInput: UpdateTagInput,
  deleteInput: DeleteTagInput,
  payload: TagPayload,
  deleteDescription: "Deletes a tag and its links to articles; with reassignTo, those articles get that tag instead.",
  editor: (ctx) => ctx.services.tagEditor,
});
