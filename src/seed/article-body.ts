import { escapeHtml } from "./html";
import { Random } from "./random";
import { fill } from "./template";
import { HEADINGS, LIST_ITEMS, PLACES, QUOTES, SENTENCES, SPEAKERS, Topic } from "./vocabulary";

/**
 * The HTML of an article body of 4 to 8 sections, each an `<h2>` and 2 to 4
 * paragraphs, sometimes followed by a quote or a list. Blocks carry no ids:
 * the write path (`prepareBody`) gives them theirs, as it does to an
 * editor's body.
 */
export function generateBody(random: Random, topic: Topic): string {
  const html: string[] = [];
  const block = (tag: string, text: string) => html.push(`<${tag}>${escapeHtml(text)}</${tag}>`);
  for (const heading of random.sample(HEADINGS, random.int(4, 8))) {
    block("h2", fill(heading, random, topic));
    for (let i = random.int(2, 4); i > 0; i--) block("p", paragraph(random, topic));
    if (random.chance(0.2)) {
      block("blockquote", quote(random, topic));
    } else if (random.chance(0.15)) {
      html.push("<ul>");
      for (const item of random.sample(LIST_ITEMS, random.int(3, 4))) block("li", fill(item, random, topic));
      html.push("</ul>");
    }
  }
  return html.join("\n");
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
