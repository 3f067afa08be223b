import sanitizeHtml from "sanitize-html";

/** The blocks that carry an `id`: what inline feedback anchors to and a table of contents links to. */
export const ANCHORED_TAGS = ["h2", "h3", "h4", "h5", "h6", "p", "blockquote", "li"] as const;

/**
 * The one allowlist of article HTML: structure, inline emphasis, links and
 * images; no scripts, styles, event handlers, iframes, forms or classes.
 * `h1` becomes `h2`, since the page's `h1` is the headline.
 */
const ALLOWLIST: sanitizeHtml.IOptions = {
  allowedTags: [
    ...ANCHORED_TAGS,
    "ul",
    "ol",
    "a",
    "em",
    "strong",
    "b",
    "i",
    "s",
    "sub",
    "sup",
    "code",
    "pre",
    "br",
    "hr",
    "figure",
    "figcaption",
    "img",
    "cite",
    "q",
    "abbr",
  ],
  allowedAttributes: {
    ...Object.fromEntries(ANCHORED_TAGS.map((tag) => [tag, ["id"]])),
    a: ["href", "title"],
    img: ["src", "alt", "width", "height"],
    abbr: ["title"],
  },
  allowedSchemes: ["https", "http", "mailto"],
  allowedSchemesByTag: { img: ["https", "http"] },
  allowProtocolRelative: false,
  transformTags: { h1: "h2" },
  disallowedTagsMode: "discard",
};

/** `html` reduced to the allowlist: what is not allowed is dropped, keeping its text (but never a script's or a style's). */
export function sanitizeBody(html: string): string {
  return sanitizeHtml(html, ALLOWLIST);
}
