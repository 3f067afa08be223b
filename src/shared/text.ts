export const ELLIPSIS = "…";

const graphemes = new Intl.Segmenter(undefined, { granularity: "grapheme" });

/** What may belong to a grapheme of several: marks, joiners, conjoining jamo, and anything beyond one code unit. */
const MAY_JOIN = /[\p{M}\u200D\u1100-\u11FF\uA960-\uA97F\uD7B0-\uD7FF\uD800-\uDFFF]|[^\0-\uFFFF]/u;

/** Whitespace that normalising would change: anything but a space, or two in a row. */
const UNNORMAL_SPACE = /[^\S ]| {2}/;

/** Code units from here up may join others into a grapheme (`MAY_JOIN`); prose below it needs no regular expression. */
const FIRST_JOINING = 0x300;

/**
 * The first graphemes of a text: a string when each of its code units is
 * one (most prose), else one entry per grapheme. Both index, slice and
 * search the same way.
 */
type Graphemes = string | string[];

/**
 * `text` cut to at most `maxLength` characters at a word boundary, ending
 * with an ellipsis (counted in the length) only when something was cut.
 * A character is what a reader sees as one (a grapheme: an emoji, a flag,
 * a letter with its accents), so a cut never splits one. A first word
 * longer than the limit is cut mid-word rather than dropped.
 */
export function truncateAtWord(text: string, maxLength: number): string {
  const normalized = normalizedHead(text, maxLength + 1);
  if ("whole" in normalized) return normalized.whole;
  const room = normalized.head.slice(0, Math.max(0, maxLength - 1) + 1);
  const boundary = room.lastIndexOf(" ");
  const cut = boundary > 0 ? room.slice(0, boundary) : room.slice(0, -1);
  return (typeof cut === "string" ? cut : cut.join("")).replace(/[\s,;:.!?-]+$/, "") + ELLIPSIS;
}

/**
 * The first `count` graphemes of `text` with whitespace runs collapsed to
 * one space, or the whole text so normalised when it has no more than
 * `count - 1`. Only a growing window of the text is normalised, not a
 * whole lead of a thousand characters for an excerpt of 140: collapsing
 * whitespace only shortens text, so the head of a normalised prefix is the
 * head of the normalised whole, as long as one more grapheme follows it
 * (the window may end inside a grapheme, never inside one before the last).
 */
function normalizedHead(text: string, count: number): { whole: string } | { head: Graphemes } {
  for (let window = 2 * count + 16; ; window *= 2) {
    if (window >= text.length) {
      const normalized = collapseSpaces(text).trim();
      const head = firstGraphemes(normalized, count);
      return head.length < count ? { whole: normalized } : { head };
    }
    const head = firstGraphemes(collapseSpaces(text.slice(0, window)).trimStart(), count + 1);
    if (head.length > count) return { head: head.slice(0, count) };
  }
}

/** `text` with every whitespace run as one space. */
function collapseSpaces(text: string): string {
  return UNNORMAL_SPACE.test(text) ? text.replace(/\s+/g, " ") : text;
}

/**
 * The first `count` graphemes of `text`, reading no further than needed.
 * Text where every code unit stands alone (most prose) skips the
 * segmenter, which costs about a microsecond a character.
 */
function firstGraphemes(text: string, count: number): Graphemes {
  if (standsAlone(text, count + 1)) return text.slice(0, count);
  const head: string[] = [];
  for (const { segment } of graphemes.segment(text)) {
    if (head.length === count) break;
    head.push(segment);
  }
  return head;
}

/** Whether each of the first `length` code units of `text` is a grapheme of its own. */
function standsAlone(text: string, length: number): boolean {
  const end = Math.min(length, text.length);
  for (let index = 0; index < end; index++) {
    if (text.charCodeAt(index) >= FIRST_JOINING) return !MAY_JOIN.test(text.slice(0, length));
  }
  return true;
}
