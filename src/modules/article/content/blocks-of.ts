import { BlockBase, EmbedBlock, FigureBlock, HeadingBlock, KeepReadingBlock, ListBlock, ListItem, ParagraphBlock, QuoteBlock } from "./block.types";
import { StoredBlock, textOf } from "./stored-block";

export type ContentBlock = HeadingBlock | ParagraphBlock | QuoteBlock | ListBlock | FigureBlock | EmbedBlock | KeepReadingBlock;

/** The GraphQL blocks of an article's stored content; instances, so that `Block` resolves each to its type. */
export function blocksOf(stored: StoredBlock[], article: { id: number }): ContentBlock[] {
  const base = <B extends BlockBase>(block: B, id: string, anchors: string[]): B => Object.assign(block, { id, anchors, articleId: article.id });
  return stored.map((block) => {
    switch (block.kind) {
      case "heading":
        return Object.assign(base(new HeadingBlock(), block.id, block.anchors), { level: block.level, text: block.text, anchor: block.id });
      case "paragraph":
        return Object.assign(base(new ParagraphBlock(), block.id, block.anchors), { text: textOf(block.spans), spans: block.spans });
      case "quote":
        return Object.assign(base(new QuoteBlock(), block.id, block.anchors), {
          text: textOf(block.spans),
          spans: block.spans,
          attribution: block.attribution,
          cite: block.cite,
        });
      case "list":
        return Object.assign(base(new ListBlock(), block.id, block.anchors), {
          ordered: block.ordered,
          items: block.items.map((item) => Object.assign(base(new ListItem(), item.id, [item.id]), { text: textOf(item.spans), spans: item.spans })),
        });
      case "figure":
        return Object.assign(base(new FigureBlock(), block.id, block.anchors), {
          image: { ...block.image, caption: block.caption },
          caption: block.caption,
          credit: block.credit,
        });
      case "embed":
        return Object.assign(base(new EmbedBlock(), block.id, block.anchors), {
          url: block.url,
          provider: block.provider,
          title: block.title,
          caption: block.caption,
        });
      case "keepReading":
        return Object.assign(base(new KeepReadingBlock(), block.id, block.anchors), { source: article });
    }
  });
}
