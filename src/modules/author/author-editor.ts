import { Field, ID, InputType, Int } from "type-graphql";
import { checkHttpUrl, optionalText } from "../../shared/input-text";
import { taxonomyEditorResolver } from "../taxonomy/taxonomy-editor.resolver";
import { TaxonomyKind } from "../taxonomy/taxonomy-kind";
import { DeleteInput, TaxonomyPayload } from "../taxonomy/taxonomy.inputs";
import { releaseArticles } from "../taxonomy/article-references";
import { User } from "../user/user.entity";
import { Author } from "./author.entity";

const LIMITS = { bio: 5000, avatarUrl: 2000 };

@InputType({ description: "A new author profile." })
export class CreateAuthorInput {
  @Field({ description: "The name shown in the byline; the slug is made from it." })
  name: string;

  @Field(() => String, { nullable: true, description: "The slug to use instead (made URL-safe and unique)." })
  slug?: string | null;

  @Field(() => String, { nullable: true, description: "A short biography, plain text." })
  bio?: string | null;

  @Field(() => String, { nullable: true, description: "An http(s) URL of the author's portrait." })
  avatarUrl?: string | null;
}

@InputType({ description: "Changes to an author; absent fields stay as they are, null clears bio and avatarUrl." })
export class UpdateAuthorInput {
  @Field(() => ID)
  id: string;

  @Field(() => Int, { description: "The version the change is based on; a stale one is a CONFLICT." })
  version: number;

  @Field(() => String, { nullable: true, description: "The name shown in the byline; the slug stays." })
  name?: string | null;

  @Field(() => String, { nullable: true, description: "A new slug (made URL-safe and unique); links with the old one stop working." })
  slug?: string | null;

  @Field(() => String, { nullable: true })
  bio?: string | null;

  @Field(() => String, { nullable: true })
  avatarUrl?: string | null;
}

export const DeleteAuthorInput = DeleteInput("Author", "Another author who takes over the articles and the accounts linked to this one (a merge).");
export const AuthorPayload = TaxonomyPayload(Author, "Author", "author");

export const authorKind: TaxonomyKind<Author> = {
  type: "Author",
  entity: Author,
  noun: "author",
  columns(input: Partial<CreateAuthorInput>) {
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
