import { Field, InputType } from "type-graphql";
import { checkHttpUrl, optionalText } from "../../../shared/input-text";
import { taxonomyEditorResolver } from "../editing/taxonomy-editor.resolver";
import { TaxonomyFields, TaxonomyKind } from "../editing/taxonomy-kind";
import { CreateInput, DeleteInput, InputNames, TaxonomyPayload, UpdateInput } from "../editing/taxonomy.inputs";
import { releaseArticles } from "../../article/editing/article-references";
import { User } from "../../user/user.entity";
import { Author } from "./author.entity";

const LIMITS = { bio: 5000, avatarUrl: 2000 };

/** What creating and updating an author share beyond name and slug. */
@InputType({ description: "The fields that creating and updating an author share." })
class AuthorFields {
  @Field(() => String, { nullable: true, description: "A short biography, plain text; null clears it." })
  bio?: string | null;

  @Field(() => String, { nullable: true, description: "An http(s) URL of the author's portrait; null clears it." })
  avatarUrl?: string | null;
}

const names: InputNames = { type: "Author", noun: "author", name: "The name shown in the byline" };
export const CreateAuthorInput = CreateInput(names, AuthorFields);
export const UpdateAuthorInput = UpdateInput(names, AuthorFields);
export const DeleteAuthorInput = DeleteInput("Author", "Another author who takes over the articles and the accounts linked to this one (a merge).");
export const AuthorPayload = TaxonomyPayload(Author, "Author", "author");

export const authorKind: TaxonomyKind<Author> = {
  type: "Author",
  entity: Author,
  noun: "author",
  columns(input: TaxonomyFields & AuthorFields) {
    const columns: Record<string, unknown> = {};
    if (input.bio !== undefined) columns.bio = optionalText(input.bio, "input.bio", LIMITS.bio);
    if (input.avatarUrl !== undefined) columns.avatarUrl = input.avatarUrl?.trim() ? checkHttpUrl("input.avatarUrl", input.avatarUrl, LIMITS.avatarUrl) : null;
    return columns;
  },
  defaults: () => ({ createdAt: new Date() }),
  async release(manager, id, targetId) {
    const accounts = await manager.countBy(User, { authorId: id });
    const moved = await releaseArticles(manager, "authorId", "author", id, targetId, { accounts });
    if (targetId !== null) await manager.update(User, { authorId: id }, { authorId: targetId, version: () => "version + 1" });
    return moved;
  },
};

export const AuthorEditorResolver = taxonomyEditorResolver({
  type: "Author",
  createInput: CreateAuthorInput,
  updateInput: UpdateAuthorInput,
  deleteInput: DeleteAuthorInput,
  payload: AuthorPayload,
  deleteDescription: "Deletes an author. One with articles or linked accounts is a CONFLICT naming how many, unless reassignTo takes them over.",
  editor: (ctx) => ctx.services.authorEditor,
});
