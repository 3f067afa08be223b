export const ELLIPSIS = "…";

const graphemes = new Intl.Segmenter(undefined, { granularity: "grapheme" });

/** What may belong to a grapheme of several: marks, joiners, conjoining jamo, and anything beyond one code unit. */
const MAY_JOIN = /[\p{M}\u200D\u1100-\u11FF\uA960-\uA97F\uD7B0-\uD7FF\uD800-\uDFFF]|[^\0-\uFFFF]/u;

/**
 * `text` cut to at most `maxLength` characters at a word boundary, ending
 * with an ellipsis (counted in the length) only when something was cut.
 * A character is what a reader sees as one (a grapheme: an emoji, a flag,
 * a letter with its accents), so a cut never splits one. A first word
 * longer than the limit is cut mid-word rather than dropped.
 */
export function truncateAtWord(text: string, maxLength: number): string {
  const head = normalizedHead(text, maxLength + 1);
  if (typeof head === "string") return head;
  const room = head.slice(0, Math.max(0, maxLength - 1) + 1);
  const boundary = room.lastIndexOf(" ");
  const cut = boundary > 0 ? room.slice(0, boundary) : room.slice(0, -1);
  return cut.join("").replace(/[\s,;:.!?-]+$/, "") + ELLIPSIS;
}

/**
 * The first `count` graphemes of `text` with whitespace runs collapsed to
 * one space, or the whole text so normalised (a string) when it has no more
 * than `count - 1`. Only a growing window of the text is normalised, not a
 * whole lead of a thousand characters for an excerpt of 140: collapsing
 * whitespace only shortens text, so the head of a normalised prefix is the
 * head of the normalised whole, as long as one more grapheme follows it
 * (the window may end inside a grapheme, never inside one before the last).
 */
function normalizedHead(text: string, count: number): string[] | string {
  for (let window = 2 * count + 16; ; window *= 2) {
    if (window >= text.length) {
      const normalized = text.replace(/\s+/g, " ").trim();
      const head = firstGraphemes(normalized, count);
      return head.length < count ? normalized : head;
    }
    const head = firstGraphemes(text.slice(0, window).replace(/\s+/g, " ").trimStart(), count + 1);
    if (head.length > count) return head.slice(0, count);
  }
}

/**
 * The first `count` graphemes of `text`, reading no further than needed.
 * Text where every code unit stands alone (most prose) skips the
 * segmenter, which costs about a microsecond a character.
 */
function firstGraphemes(text: string, count: number): string[] {
  if (!MAY_JOIN.test(text.slice(0, count + 1))) return text.slice(0, count).split("");
  const head: string[] = [];
  for (const { segment } of graphemes.segment(text)) {
    if (head.length === count) break;
    head.push(segment);
  }
  return head;
}
