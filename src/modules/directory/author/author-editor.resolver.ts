import { taxonomyEditorResolver } from "../editing/taxonomy-editor.resolver";
import { AuthorPayload, CreateAuthorInput, DeleteAuthorInput, UpdateAuthorInput } from "./author.inputs";

export const AuthorEditorResolver = taxonomyEditorResolver({
  type: "Author",
  createInput: CreateAuthorInput,
  updateInput: UpdateAuthorInput,
  deleteInput: DeleteAuthorInput,
  payload: AuthorPayload,
  deleteDescription: "Deletes an author. One with articles or linked accounts is a CONFLICT naming how many, unless reassignTo takes them over.",
  editor: (ctx) => ctx.services.authorEditor,
});
