const MAX_SLUG_LENGTH = 80;
const FALLBACK_SLUG = "item";

/**
 * A URL-safe name for `text`: lowercase ASCII letters and digits separated by
 * single hyphens, at most 80 characters, never empty ("item" when nothing is
 * left). Accents are folded ("São Paulo" → "sao-paulo") and apostrophes
 * dropped rather than hyphenated ("Women's sport" → "womens-sport").
 */
export function slugify(text: string): string {
  const slug = text
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/['’]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, MAX_SLUG_LENGTH)
    .replace(/-+$/, "");
  return slug || FALLBACK_SLUG;
}

/** `base`, or `base` with "-2", "-3"… appended: the first that is not `taken`. */
export function firstFreeSlug(base: string, taken: ReadonlySet<string>): string {
  let candidate = base;
  for (let n = 2; taken.has(candidate); n++) candidate = `${base}-${n}`;
  return candidate;
}
