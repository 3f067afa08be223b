import { registerEnumType } from "type-graphql";

/** What a signed-in user may do; each role may do everything the roles before it may. */
export enum Role {
  CONTRIBUTOR = "CONTRIBUTOR",
  AUTHOR = "AUTHOR",
  EDITOR = "EDITOR",
  ADMIN = "ADMIN",
}

const RANKS: readonly Role[] = [Role.CONTRIBUTOR, Role.AUTHOR, Role.EDITOR, Role.ADMIN];

/** Whether `role` is `required` or above it. */
export function hasRole(role: Role, required: Role): boolean {
  return RANKS.indexOf(role) >= RANKS.indexOf(required);
}

export function parseRole(text: string): Role | null {
  return RANKS.find((role) => role === text.toUpperCase()) ?? null;
}

registerEnumType(Role, {
  name: "Role",
  description: "What a signed-in user may do; each role includes the ones above it in this list.",
  valuesConfig: {
    CONTRIBUTOR: { description: "Writes and edits their own drafts." },
    AUTHOR: { description: "Also publishes, schedules and withdraws their own articles." },
    EDITOR: { description: "Manages all content, sections, tags and comment moderation." },
    ADMIN: { description: "Also manages users and reads the audit trail." },
  },
});
