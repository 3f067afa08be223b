import { Field, InputType } from "type-graphql";
import { CreateInput, DeleteInput, InputNames, TaxonomyPayload, UpdateInput } from "../editing/taxonomy.inputs";
import { Author } from "./author.entity";

/** What creating and updating an author share beyond name and slug. */
@InputType({ description: "The fields that creating and updating an author share." })
export class AuthorFields {
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
