import { Document, Element } from "domhandler";
import { DomUtils } from "htmlparser2";
import { slugify } from "../../../shared/slug";
import { ANCHORED_TAGS } from "./sanitize-body";

/** A block of a body that carries an id, with its plain text. */
export interface BodyBlock {
  id: string;
  text: string;
}

/** Ids a body may keep as given: short, and safe in a URL fragment and a CSS selector. */
const KEEPABLE_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,99}$/;

const ID_PREFIX: Record<string, string> = { p: "p", blockquote: "q", li: "li" };

/**
 * Gives every anchored block of `document` (headings, paragraphs, quotes,
 * list items) an id unique within it, and returns them in document order.
 *
 * Stability is the contract: a block keeps the id it arrives with when that
 * id is well formed and not taken by an earlier block, so a body that goes
 * back and forth through an editor keeps its anchors, and inline comments
 * keep pointing at their passage. Blocks without one get a fresh id that no
 * block has: headings the slug of their text ("the-background",
 * "the-background-2"), paragraphs `p-N`, quotes `q-N`, list items `li-N`.
 */
export function assignBlockIds(document: Document): BodyBlock[] {
  const elements = DomUtils.findAll((node) => (ANCHORED_TAGS as readonly string[]).includes(node.name), document.children);
  const taken = new Set<string>();
  const keeps = elements.map((element) => {
    const id = element.attribs.id;
    const keep = id !== undefined && KEEPABLE_ID.test(id) && !taken.has(id);
    if (keep) taken.add(id);
    return keep;
  });
  const counters = new Map<string, number>();
  return elements.map((element, index) => {
    const text = DomUtils.textContent(element).replace(/\s+/g, " ").trim();
    if (!keeps[index]) element.attribs.id = freshId(element, text, taken, counters);
    return { id: element.attribs.id, text };
  });
}

function freshId(element: Element, text: string, taken: Set<string>, counters: Map<string, number>): string {
  const prefix = ID_PREFIX[element.name];
  let id: string;
  if (prefix === undefined) {
    const slug = slugify(text);
    id = slug;
    for (let n = 2; taken.has(id); n++) id = `${slug}-${n}`;
  } else {
    let n = counters.get(prefix) ?? 0;
    do id = `${prefix}-${++n}`;
    while (taken.has(id));
    counters.set(prefix, n);
  }
  taken.add(id);
  return id;
}
