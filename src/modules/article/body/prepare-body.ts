import { DomUtils, parseDocument } from "htmlparser2";
import { BodyAnalysis, WORDS_PER_MINUTE, analyzeBody } from "./body";
import { BodyBlock, assignBlockIds } from "./block-ids";
import { sanitizeBody } from "./sanitize-body";

/** An article body ready to store: sanitized HTML with block ids, and the fields derived from it. */
export interface PreparedBody extends BodyAnalysis {
  html: string;
  /** Every anchored block, in order: what inline feedback may point at. Not stored. */
  blocks: BodyBlock[];
}

/**
 * The write path of every article body (the seed now, the editorial API
 * later): sanitizes `html` to the allowlist, gives every block a stable id
 * and every heading a readable anchor, and derives word count, reading time,
 * headings, lead text and search text from the result, so that reads never
 * parse HTML. Idempotent: preparing a prepared body changes nothing.
 * `wordsPerMinute` is the configured reading speed (READING_WORDS_PER_MINUTE).
 */
export function prepareBody(html: string, wordsPerMinute: number = WORDS_PER_MINUTE): PreparedBody {
  const document = parseDocument(sanitizeBody(html));
  const blocks = assignBlockIds(document);
  const prepared = DomUtils.getOuterHTML(document, { encodeEntities: "utf8" });
  return { html: prepared, blocks, ...analyzeBody(prepared, wordsPerMinute) };
}
