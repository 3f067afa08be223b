import sanitizeHtml from "sanitize-html";

/** What a comment may contain: paragraphs, emphasis, code, quotes, lists and links; nothing else. */
const COMMENT_ALLOWLIST: sanitizeHtml.IOptions = {
  allowedTags: ["p", "br", "a", "em", "strong", "b", "i", "code", "pre", "blockquote", "ul", "ol", "li"],
  allowedAttributes: { a: ["href", "rel"] },
  allowedSchemes: ["https", "http", "mailto"],
  allowProtocolRelative: false,
  // Readers' links must not pass on the site's reputation, nor give the target a handle on the page.
  transformTags: { a: sanitizeHtml.simpleTransform("a", { rel: "nofollow ugc noopener" }) },
  disallowedTagsMode: "discard",
};

const BLOCK_TAG = /<(p|pre|blockquote|ul|ol)[\s>]/i;

/**
 * A comment body as stored and shown: sanitized HTML. Plain text (no block
 * markup) becomes paragraphs at blank lines and line breaks at single
 * newlines; markup outside the allowlist is dropped, keeping its text
 * (never a script's or a style's), and every `<`, `>`, `&` in text is
 * escaped, so what is stored is harmless whatever was sent.
 */
export function prepareCommentBody(input: string): string {
  const text = input.replace(/\r\n?/g, "\n").trim();
  const html = BLOCK_TAG.test(text) ? text : paragraphs(text);
  return sanitizeHtml(html, COMMENT_ALLOWLIST);
}

/** The visible text of prepared HTML: what must not be empty. */
export function visibleText(html: string): string {
  return sanitizeHtml(html, { allowedTags: [], allowedAttributes: {} }).trim();
}

function paragraphs(text: string): string {
  return text
    .split(/\n{2,}/)
    .map((paragraph) => `<p>${paragraph.replace(/\n/g, "<br>")}</p>`)
    .join("");
}
