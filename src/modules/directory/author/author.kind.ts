import { checkHttpUrl, optionalText } from "../../../shared/input-text";
import { EntryReference } from "../../feature-module";
import { User } from "../../user";
import { releaseReferences } from "../editing/release-references";
import { TaxonomyFields, TaxonomyKind } from "../editing/taxonomy-kind";
import { Author } from "./author.entity";
import { AuthorFields } from "./author.inputs";

const LIMITS = { bio: 5000, avatarUrl: 2000 };

const linkedAccounts: EntryReference = {
  type: "Author",
  name: "accounts",
  count: (manager, id) => manager.countBy(User, { authorId: id }),
  move: async (manager, id, targetId) => {
    await manager.update(User, { authorId: id }, { authorId: targetId, version: () => "version + 1" });
  },
};

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
  // The accounts that write under an author follow its articles to the author who takes over.
  release: (manager, id, targetId, references) => releaseReferences(manager, [...references, linkedAccounts], "author", id, targetId),
};
