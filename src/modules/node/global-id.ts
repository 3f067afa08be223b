import { BadUserInputError } from "../../shared/errors";

/** The types that `node(id)` can fetch back. */
export const NODE_TYPES = ["Article", "Author", "Category", "Tag", "Comment", "User", "ArticleRevision"] as const;
export type NodeTypeName = (typeof NODE_TYPES)[number];

export interface GlobalId {
  type: NodeTypeName;
  id: number;
}

const MAX_ROW_ID = 2 ** 31 - 1;

/** Opaque, URL-safe id: base64url of "Type:rowId". */
export function encodeGlobalId(type: NodeTypeName, id: number): string {
  return Buffer.from(`${type}:${id}`, "utf8").toString("base64url");
}

/**
 * The inverse of `encodeGlobalId`, or null when the text is not a global id
 * of a known type with a positive integer row id (garbage, forgeries).
 */
export function tryDecodeGlobalId(globalId: string): GlobalId | null {
  if (globalId.length > 64 || !/^[A-Za-z0-9_-]+$/.test(globalId)) return null;
  const match = /^([A-Za-z]+):([1-9][0-9]{0,9})$/.exec(Buffer.from(globalId, "base64url").toString("utf8"));
  if (!match) return null;
  const type = NODE_TYPES.find((name) => name === match[1]);
  const id = Number(match[2]);
  if (!type || id > MAX_ROW_ID) return null;
  return { type, id };
}

/**
 * Decodes an id that must name a `type`, such as `article(id:)` or a filter's
 * `excludeIds`; anything else is a BAD_USER_INPUT error naming `field`.
 */
export function decodeGlobalIdOf(type: NodeTypeName, globalId: string, field: string): number {
  const decoded = tryDecodeGlobalId(globalId);
  if (!decoded || decoded.type !== type) {
    throw new BadUserInputError(`${field} is not a valid ${type} id.`, { field });
  }
  return decoded.id;
}
