import { BadUserInputError } from "./errors";

/** The types that `node(id)` can fetch back. */
export const NODE_TYPES = ["Article", "Author", "Category", "Tag", "Comment", "User", "ArticleRevision"] as const;
export type NodeTypeName = (typeof NODE_TYPES)[number];

/** Every type whose rows clients name by global id: the node types, users and webhooks (listed by admins). */
const ID_TYPES = [...NODE_TYPES, "User", "Webhook"] as const;
export type IdTypeName = (typeof ID_TYPES)[number];

export interface GlobalId {
  type: NodeTypeName;
  id: number;
}

const MAX_ROW_ID = 2 ** 31 - 1;

/** Opaque, URL-safe id: base64url of "Type:rowId". */
export function encodeGlobalId(type: IdTypeName, id: number): string {
  return Buffer.from(`${type}:${id}`, "utf8").toString("base64url");
}

/**
 * The inverse of `encodeGlobalId`, or null when the text is not a global id
 * of a known type with a positive integer row id (garbage, forgeries).
 */
export function tryDecodeGlobalId(globalId: string): GlobalId | null {
  const decoded = parseGlobalId(globalId);
  const type = NODE_TYPES.find((name) => name === decoded?.type);
  return decoded && type ? { type, id: decoded.id } : null;
}

/** "Type:rowId" of any type name, with a row id in range; null for anything else. */
function parseGlobalId(globalId: string): { type: string; id: number } | null {
  if (globalId.length > 64 || !/^[A-Za-z0-9_-]+$/.test(globalId)) return null;
  const match = /^([A-Za-z]+):([1-9][0-9]{0,9})$/.exec(Buffer.from(globalId, "base64url").toString("utf8"));
  if (!match || Number(match[2]) > MAX_ROW_ID) return null;
  return { type: match[1], id: Number(match[2]) };
}

/**
 * Decodes an id that must name a `type`, such as `article(id:)` or a filter's
 * `excludeIds`; anything else is a BAD_USER_INPUT error naming `field`.
 */
export function decodeGlobalIdOf(type: IdTypeName, globalId: string, field: string): number {
  const decoded = parseGlobalId(globalId);
  if (!decoded || decoded.type !== type) {
    throw new BadUserInputError(`${field} is not a valid ${type} id.`, { field });
  }
  return decoded.id;
}

/** The type and row of a global id of any type clients hold, users included; BAD_USER_INPUT naming `field` otherwise. */
export function decodeAnyGlobalId(globalId: string, field: string): { type: IdTypeName; id: number } {
  const decoded = parseGlobalId(globalId);
  const type = ID_TYPES.find((name) => name === decoded?.type);
  if (!decoded || !type) throw new BadUserInputError(`${field} is not a valid global id.`, { field });
  return { type, id: decoded.id };
}
