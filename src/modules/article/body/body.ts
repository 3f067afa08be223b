import { Parser } from "htmlparser2";
import { DEFAULT_ARTICLE_SETTINGS } from "../../../config";
import { truncateAtWord } from "../../../shared/text";
import { Heading } from "./article-body.types";

/**
 * The reading speed unless READING_WORDS_PER_MINUTE says otherwise (see
 * `ArticleSettings`). Reading time is the word count at the configured
 * speed, rounded up, and at least one minute.
 */
export const WORDS_PER_MINUTE = DEFAULT_ARTICLE_SETTINGS.readingWordsPerMinute;

/** Longer than any excerpt the API cuts from it. */
const LEAD_TEXT_MAX_LENGTH = 1000;

const HEADING_TAGS = new Set(["h2", "h3", "h4", "h5", "h6"]);

/** Elements whose edges end a word: their texts never run together ("end.</p><p>Next"). */
const BLOCK_TAGS = new Set([
  ...HEADING_TAGS,
  "h1",
  "p",
  "div",
  "section",
  "article",
  "aside",
  "header",
  "footer",
  "blockquote",
  "pre",
  "figure",
  "figcaption",
  "ul",
  "ol",
  "li",
  "dl",
  "dt",
  "dd",
  "table",
  "tr",
  "td",
  "th",
  "br",
  "hr",
]);

/** What is stored next to an article's body so that reads never parse HTML. */
export interface BodyAnalysis {
  wordCount: number;
  readingTimeMinutes: number;
  headings: Heading[];
  /** The prose of the body (headings left out) as plain text, cut like an excerpt to at most 1,000 characters. */
  leadText: string;
  /** The whole body as plain text, headings included: what full-text search indexes. */
  bodyText: string;
}

interface OpenHeading {
  tag: string;
  anchor: string | undefined;
  text: string[];
}

/**
 * Derives the stored fields from an article body. Headings are h2 to h6 with
 * their `id` attribute as anchor; one without an id is left out, since an
 * anchor must name an element of the body.
 */
export function analyzeBody(html: string, wordsPerMinute: number = WORDS_PER_MINUTE): BodyAnalysis {
  const text: string[] = [];
  /** The text outside headings: an excerpt reads as prose, not "The background None of this…". */
  const prose: string[] = [];
  const headings: Heading[] = [];
  let heading: OpenHeading | null = null;
  const endWord = () => {
    text.push(" ");
    prose.push(" ");
  };
  const parser = new Parser({
    onopentag(name, attributes) {
      if (BLOCK_TAGS.has(name)) endWord();
      if (HEADING_TAGS.has(name) && !heading) heading = { tag: name, anchor: attributes.id, text: [] };
    },
    ontext(data) {
      text.push(data);
      if (heading) heading.text.push(data);
      else prose.push(data);
    },
    onclosetag(name) {
      if (BLOCK_TAGS.has(name)) endWord();
      if (heading?.tag !== name) return;
      if (heading.anchor) {
        headings.push({ level: Number(name[1]), text: collapseWhitespace(heading.text.join("")), anchor: heading.anchor });
      }
      heading = null;
    },
  });
  parser.end(html);

  const plainText = collapseWhitespace(text.join(""));
  const wordCount = plainText.split(" ").filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
  return {
    wordCount,
    readingTimeMinutes: Math.max(1, Math.ceil(wordCount / wordsPerMinute)),
    headings,
    leadText: truncateAtWord(prose.join(""), LEAD_TEXT_MAX_LENGTH),
    bodyText: plainText,
  };
}

function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}
