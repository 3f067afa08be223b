export const ELLIPSIS = "…";

/**
 * `text` cut to at most `maxLength` characters at a word boundary, ending
 * with an ellipsis (counted in the length) only when something was cut.
 * A first word longer than the limit is cut mid-word rather than dropped.
 */
export function truncateAtWord(text: string, maxLength: number): string {
  const normalized = text.replace(/\s+/g, " ").trim();
  if (normalized.length <= maxLength) return normalized;
  const room = normalized.slice(0, Math.max(0, maxLength - ELLIPSIS.length) + 1);
  const boundary = room.lastIndexOf(" ");
  const cut = boundary > 0 ? room.slice(0, boundary) : room.slice(0, -1);
  return cut.replace(/[\s,;:.!?-]+$/, "") + ELLIPSIS;
}
