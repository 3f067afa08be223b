import { ChildNode, Element, isTag, isText } from "domhandler";
import { Mark, StoredSpan } from "./stored-block";

/** Inline elements that give their text a mark; the other allowed inline elements (s, sub, sup, abbr, cite) keep only their text. */
const MARK_OF: Record<string, Mark> = { strong: Mark.BOLD, b: Mark.BOLD, em: Mark.ITALIC, i: Mark.ITALIC, code: Mark.CODE, a: Mark.LINK };

/** Marks in one order, so that equal spans compare equal and clients see a stable list. */
const MARK_ORDER = [Mark.BOLD, Mark.ITALIC, Mark.CODE, Mark.LINK];

/** Elements inside a block whose edges end a line (a quote's paragraphs, a list item's nested list). */
const LINE_TAGS = new Set(["p", "blockquote", "ul", "ol", "li", "pre", "figure", "figcaption", "h2", "h3", "h4", "h5", "h6"]);

interface Run {
  text: string;
  marks: Set<Mark>;
  href?: string;
  /** A line break: `<br>` or the edge of a nested block. */
  newline?: true;
  /** Text from `<pre>`, whose white space is kept. */
  preformatted?: true;
}

/**
 * The text of `nodes` as spans, the way a browser shows it: white space
 * collapsed (except in `<pre>`), none at the start or end of a line,
 * `<br>` and nested blocks as "\n", `<q>` in quotation marks, images left
 * out. Adjacent runs with the same marks and link are one span. `skip`
 * leaves elements out (a quote's `<cite>`, which is its attribution).
 */
export function spansOf(nodes: ChildNode[], skip: (element: Element) => boolean = () => false): StoredSpan[] {
  const runs: Run[] = [];
  const walk = (children: ChildNode[], marks: Set<Mark>, href: string | undefined, preformatted: boolean) => {
    for (const node of children) {
      if (isText(node)) {
        runs.push({ text: node.data, marks, href, ...(preformatted ? { preformatted: true as const } : {}) });
        continue;
      }
      if (!isTag(node) || skip(node) || node.name === "img") continue;
      if (node.name === "br") {
        runs.push({ text: "\n", marks, newline: true });
        continue;
      }
      const line = LINE_TAGS.has(node.name);
      if (line) runs.push({ text: "\n", marks, newline: true });
      const mark = MARK_OF[node.name];
      const linked = node.name === "a" && node.attribs.href !== undefined;
      const inner = mark && (mark !== Mark.LINK || linked) ? new Set([...marks, mark]) : marks;
      if (node.name === "q") runs.push({ text: "“", marks, href });
      walk(node.children, inner, linked ? node.attribs.href : href, preformatted || node.name === "pre");
      if (node.name === "q") runs.push({ text: "”", marks, href });
      if (line) runs.push({ text: "\n", marks, newline: true });
    }
  };
  walk(nodes, new Set(), undefined, false);
  return mergeRuns(collapseWhiteSpace(runs));
}

/** Collapses white space across runs as HTML does, and drops line breaks at the edges and doubled ones. */
function collapseWhiteSpace(runs: Run[]): Run[] {
  const out: Run[] = [];
  /** True at the start of a line, where leading white space goes. */
  let atLineStart = true;
  const trimEnd = () => {
    for (let i = out.length - 1; i >= 0 && !out[i].newline; i--) {
      if (out[i].preformatted) return;
      out[i].text = out[i].text.replace(/[ \t\r\n\f]+$/, "");
      if (out[i].text !== "") return;
    }
  };
  for (const run of runs) {
    if (run.newline) {
      trimEnd();
      if (!atLineStart) out.push({ ...run });
      atLineStart = true;
      continue;
    }
    let text = run.preformatted ? run.text : run.text.replace(/[ \t\r\n\f]+/g, " ");
    if (!run.preformatted && (atLineStart || endsWithSpace(out))) text = text.replace(/^ /, "");
    if (text === "") continue;
    out.push({ ...run, text });
    atLineStart = false;
  }
  trimEnd();
  while (out.length > 0 && out[out.length - 1].newline) {
    out.pop();
    trimEnd();
  }
  return out.filter((run) => run.text !== "");
}

function endsWithSpace(runs: Run[]): boolean {
  for (let i = runs.length - 1; i >= 0; i--) if (runs[i].text !== "") return !runs[i].preformatted && runs[i].text.endsWith(" ");
  return false;
}

/** `marks` once each, in the one order spans list them. */
export function orderedMarks(marks: Iterable<Mark>): Mark[] {
  const set = new Set(marks);
  return MARK_ORDER.filter((mark) => set.has(mark));
}

function mergeRuns(runs: Run[]): StoredSpan[] {
  const spans: StoredSpan[] = [];
  for (const run of runs) {
    const marks = orderedMarks(run.marks);
    const href = marks.includes(Mark.LINK) ? run.href : undefined;
    const last = spans[spans.length - 1];
    if (last && last.href === href && last.marks.join() === marks.join()) last.text += run.text;
    else spans.push(href === undefined ? { text: run.text, marks } : { text: run.text, marks, href });
  }
  return spans;
}
