import { slugify } from "../shared/slug";
import { escapeHtml } from "./html";
import { Random } from "./random";
import { fill } from "./template";
import { HEADINGS, LIST_ITEMS, PLACES, QUOTES, SENTENCES, SPEAKERS, Topic } from "./vocabulary";

/** An element of a generated body that carries an id, with its plain text. */
export interface BodyBlock {
  id: string;
  text: string;
}

export interface GeneratedBody {
  html: string;
  /** Every element with an id, in document order: what inline comments may anchor to. */
  blocks: BodyBlock[];
}

/**
 * An article body of 4 to 8 sections, each an `<h2>` and 2 to 4 paragraphs,
 * sometimes followed by a quote or a list. Every block carries an id that is
 * unique within the body: headings their slugified text, paragraphs `p-N`,
 * quotes `q-N`, list items `li-N`.
 */
export function generateBody(random: Random, topic: Topic): GeneratedBody {
  const body = new BodyWriter();
  for (const heading of random.sample(HEADINGS, random.int(4, 8))) {
    const text = fill(heading, random, topic);
    body.block("h2", body.uniqueId(slugify(text)), text);
    for (let i = random.int(2, 4); i > 0; i--) {
      body.block("p", body.nextId("p"), paragraph(random, topic));
    }
    if (random.chance(0.2)) {
      body.block("blockquote", body.nextId("q"), quote(random, topic));
    } else if (random.chance(0.15)) {
      body.list(random.sample(LIST_ITEMS, random.int(3, 4)).map((item) => fill(item, random, topic)));
    }
  }
  return body.result();
}

function paragraph(random: Random, topic: Topic): string {
  return random
    .sample(SENTENCES, random.int(2, 4))
    .map((sentence) => fill(sentence, random, topic))
    .join(" ");
}

function quote(random: Random, topic: Topic): string {
  return `“${fill(random.pick(QUOTES), random, topic)},” says ${random.pick(SPEAKERS)} in ${random.pick(PLACES)}.`;
}

class BodyWriter {
  private readonly html: string[] = [];
  private readonly blocks: BodyBlock[] = [];
  private readonly ids = new Set<string>();
  private readonly counters = new Map<string, number>();

  block(tag: string, id: string, text: string): void {
    this.html.push(`<${tag} id="${id}">${escapeHtml(text)}</${tag}>`);
    this.blocks.push({ id, text });
  }

  list(items: string[]): void {
    this.html.push("<ul>");
    for (const item of items) this.block("li", this.nextId("li"), item);
    this.html.push("</ul>");
  }

  nextId(prefix: string): string {
    const count = (this.counters.get(prefix) ?? 0) + 1;
    this.counters.set(prefix, count);
    return this.uniqueId(`${prefix}-${count}`);
  }

  /** `wanted`, or `wanted-2`, `wanted-3`… when an earlier block took it. */
  uniqueId(wanted: string): string {
    let id = wanted;
    for (let n = 2; this.ids.has(id); n++) id = `${wanted}-${n}`;
    this.ids.add(id);
    return id;
  }

  result(): GeneratedBody {
    return { html: this.html.join("\n"), blocks: this.blocks };
  }
}
