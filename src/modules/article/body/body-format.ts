import { marked } from "marked";
import { registerEnumType } from "type-graphql";
import { PreparedBody, prepareBody } from "./prepare-body";

export enum BodyFormat {
  MARKDOWN = "MARKDOWN",
  HTML = "HTML",
}

registerEnumType(BodyFormat, {
  name: "BodyFormat",
  description: "How an article body is written; either way it is stored as sanitized HTML.",
  valuesConfig: {
    MARKDOWN: { description: "CommonMark with GitHub's extensions (tables, strikethrough)." },
    HTML: { description: "HTML, reduced to the allowed elements." },
  },
});

/**
 * A body as written by an editor, ready to store: Markdown is rendered to
 * HTML first, and then everything goes through `prepareBody`, which alone
 * decides what HTML survives (raw HTML inside Markdown included).
 */
export function renderBody(body: string, format: BodyFormat, wordsPerMinute: number): PreparedBody {
  const html = format === BodyFormat.MARKDOWN ? marked.parse(body, { async: false, gfm: true }) : body;
  return prepareBody(html, wordsPerMinute);
}
