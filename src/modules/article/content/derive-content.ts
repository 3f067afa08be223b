import { ChildNode, Element, isTag, isText } from "domhandler";
import { DomUtils, parseDocument } from "htmlparser2";
import { ANCHORED_TAGS } from "../body/sanitize-body";
import { knownProvider, providerOf } from "./embed-providers";
import { Mark, StoredBlock, StoredImage, StoredSpan, textOf } from "./stored-block";
import { orderedMarks, spansOf } from "./text-spans";

const HEADING = /^h[2-6]$/;

/** Top-level elements that are inline content: outside any block, they are a paragraph of their own. */
const INLINE_TAGS = new Set(["a", "em", "strong", "b", "i", "s", "sub", "sup", "code", "cite", "q", "abbr", "br"]);

/**
 * The blocks of a prepared body (sanitized, every anchored block with its
 * id: see `prepareBody`), in order, without Keep Reading (see
 * `placeKeepReading`). Headings, paragraphs, quotes and list items keep the
 * id they have in the HTML, so inline feedback and in-page links name the
 * same block in both; lists, figures and embeds outside a paragraph, code
 * blocks and stray inline text have no id there and get one of their own
 * (`list-1`, `figure-1`, `embed-1`, `block-1`), unique in the body and
 * stable while the body is unchanged. A paragraph holding only an image is
 * a figure, and one holding only a link to a known embed provider is an
 * embed; both keep the paragraph's id.
 */
export function deriveContent(html: string): StoredBlock[] {
  const document = parseDocument(html);
  const fresh = freshIds(DomUtils.findAll((element) => element.attribs.id !== undefined, document.children).map((element) => element.attribs.id));
  const blocks: StoredBlock[] = [];
  let stray: ChildNode[] = [];
  const flushStray = () => {
    const spans = spansOf(stray);
    if (spans.length > 0) blocks.push({ kind: "paragraph", id: fresh("block"), anchors: [], spans });
    stray = [];
  };
  for (const node of document.children) {
    if (isText(node) || (isTag(node) && INLINE_TAGS.has(node.name))) {
      stray.push(node);
      continue;
    }
    if (!isTag(node)) continue;
    flushStray();
    const block = blockOf(node, fresh);
    if (block) blocks.push(block);
  }
  flushStray();
  return blocks;
}

type FreshId = (prefix: string) => string;

function freshIds(taken: string[]): FreshId {
  const used = new Set(taken);
  const counters = new Map<string, number>();
  return (prefix) => {
    let n = counters.get(prefix) ?? 0;
    let id: string;
    do id = `${prefix}-${++n}`;
    while (used.has(id));
    counters.set(prefix, n);
    used.add(id);
    return id;
  };
}

function blockOf(element: Element, fresh: FreshId): StoredBlock | null {
  const anchors = anchorsIn(element);
  if (HEADING.test(element.name)) return { kind: "heading", id: idOf(element, fresh), anchors, level: Number(element.name[1]), text: plainText(element) };
  switch (element.name) {
    case "p": {
      const id = idOf(element, fresh);
      return figureOrEmbedParagraph(element, id, anchors) ?? paragraph(id, anchors, spansOf(element.children));
    }
    case "li":
      return paragraph(idOf(element, fresh), anchors, spansOf(element.children));
    case "blockquote":
      return quote(element, idOf(element, fresh), anchors);
    case "ul":
    case "ol":
      return list(element, anchors, fresh);
    case "figure":
      return figure(element, anchors, fresh);
    case "pre":
      return paragraph(fresh("block"), anchors, codeSpans(element));
    case "hr":
      return null;
    default:
      return paragraph(fresh("block"), anchors, spansOf(element.children));
  }
}

/**
 * The element's id in the body. A prepared body gives every anchored block
 * one; a body that somehow lacks it still gets a unique id rather than none.
 */
function idOf(element: Element, fresh: FreshId): string {
  return (element.attribs.id ??= fresh("block"));
}

function paragraph(id: string, anchors: string[], spans: StoredSpan[]): StoredBlock | null {
  return spans.length === 0 ? null : { kind: "paragraph", id, anchors, spans };
}

/** The ids of the anchored blocks in `element`, itself included: the blocks whose inline feedback it shows. */
function anchorsIn(element: Element): string[] {
  const self = (ANCHORED_TAGS as readonly string[]).includes(element.name) ? [element] : [];
  const inner = DomUtils.findAll((node) => (ANCHORED_TAGS as readonly string[]).includes(node.name), element.children);
  return [...self, ...inner].map((node) => node.attribs.id).filter((id): id is string => id !== undefined);
}

function plainText(nodes: ChildNode | ChildNode[]): string {
  return DomUtils.textContent(nodes).replace(/\s+/g, " ").trim();
}

/** The element's children that carry something: not white space, not comments. */
function meaningful(element: Element): ChildNode[] {
  return element.children.filter((node) => (isText(node) ? node.data.trim() !== "" : isTag(node) && node.name !== "br"));
}

function figureOrEmbedParagraph(element: Element, id: string, anchors: string[]): StoredBlock | null {
  const [only, ...rest] = meaningful(element);
  if (!only || rest.length > 0 || !isTag(only)) return null;
  if (only.name === "img" && only.attribs.src) return { kind: "figure", id, anchors, image: imageOf(only), caption: null, credit: null };
  const href = only.name === "a" ? only.attribs.href : undefined;
  if (href === undefined || knownProvider(href) === null) return null;
  const title = plainText(only);
  return { kind: "embed", id, anchors, url: href, provider: providerOf(href), title: title === href ? null : title || null, caption: null };
}

function quote(element: Element, id: string, anchors: string[]): StoredBlock | null {
  const cites = DomUtils.getElementsByTagName("cite", element.children);
  const spans = spansOf(element.children, (inner) => inner.name === "cite");
  const attribution = cites.map((cite) => plainText(cite).replace(/^[—–-]\s*/, "")).find((text) => text !== "") ?? null;
  const source = cites.flatMap((cite) => DomUtils.getElementsByTagName("a", cite)).find((link) => link.attribs.href !== undefined);
  if (spans.length === 0 && attribution === null) return null;
  return { kind: "quote", id, anchors, spans, attribution, cite: source?.attribs.href ?? null };
}

function list(element: Element, anchors: string[], fresh: FreshId): StoredBlock | null {
  const items = element.children
    .filter((node): node is Element => isTag(node) && node.name === "li")
    .map((item) => ({ id: idOf(item, fresh), spans: spansOf(item.children) }))
    .filter((item) => item.spans.length > 0);
  if (items.length === 0) return null;
  return { kind: "list", id: fresh("list"), anchors, ordered: element.name === "ol", items };
}

/** A figure with an image, or without one but with a link: an embed the sanitizer reduced to its link. */
function figure(element: Element, anchors: string[], fresh: FreshId): StoredBlock | null {
  const figcaption = DomUtils.findOne((node) => node.name === "figcaption", element.children);
  const cite = figcaption ? DomUtils.findOne((node) => node.name === "cite", figcaption.children) : null;
  const captionText = figcaption ? textOf(spansOf(figcaption.children, (inner) => inner.name === "cite")) : "";
  const caption = captionText === "" ? null : captionText;
  const credit = cite ? plainText(cite) || null : null;
  const image = DomUtils.findOne((node) => node.name === "img" && node.attribs.src !== undefined && !isInside(node, figcaption), element.children);
  if (image) return { kind: "figure", id: fresh("figure"), anchors, image: imageOf(image), caption, credit };
  const link = DomUtils.findOne((node) => node.name === "a" && node.attribs.href !== undefined && !isInside(node, figcaption), element.children);
  if (link) {
    const title = plainText(link);
    const url = link.attribs.href;
    return { kind: "embed", id: fresh("embed"), anchors, url, provider: providerOf(url), title: title === url ? null : title || null, caption };
  }
  return paragraph(fresh("block"), anchors, spansOf(element.children));
}

function isInside(node: Element, ancestor: Element | null): boolean {
  for (let parent = node.parent; ancestor && parent; parent = parent.parent) if (parent === ancestor) return true;
  return false;
}

function imageOf(img: Element): StoredImage {
  return { url: img.attribs.src, alt: img.attribs.alt ?? "", width: dimension(img.attribs.width), height: dimension(img.attribs.height) };
}

function dimension(value: string | undefined): number | null {
  if (value === undefined || !/^\d{1,5}$/.test(value.trim())) return null;
  const pixels = Number(value);
  return pixels > 0 ? pixels : null;
}

/** A code block: one CODE span with its white space kept, without the trailing newline Markdown leaves. */
function codeSpans(pre: Element): StoredSpan[] {
  const spans = spansOf([pre]).map((span) => ({ ...span, marks: orderedMarks([...span.marks, Mark.CODE]) }));
  const last = spans[spans.length - 1];
  if (last) last.text = last.text.replace(/\s+$/, "");
  return spans.filter((span) => span.text !== "");
}
