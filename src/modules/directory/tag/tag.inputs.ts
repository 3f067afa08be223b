import { CreateInput, DeleteInput, InputNames, TaxonomyPayload, UpdateInput } from "../editing/taxonomy.inputs";
import { Tag } from "./tag.entity";

/** A tag has nothing beyond its name and slug. */
class TagFields {}

const names: InputNames = { type: "Tag", noun: "tag", name: "The tag's display name" };
export const CreateTagInput = CreateInput(names, TagFields);
export const UpdateTagInput = UpdateInput(names, TagFields);
export const DeleteTagInput = DeleteInput("Tag", "Another tag that the articles carrying this one get instead (a merge).");
export const TagPayload = TaxonomyPayload(Tag, "Tag", "tag");
