import { Field, ID, Int, InterfaceType, ObjectType, createUnionType, registerEnumType } from "type-graphql";
import { Image } from "../images/image.types";
import { Mark } from "./stored-block";

registerEnumType(Mark, {
  name: "Mark",
  description: "How a run of text is shown.",
  valuesConfig: {
    BOLD: { description: "Strong importance (`<strong>`, `<b>`)." },
    ITALIC: { description: "Emphasis (`<em>`, `<i>`)." },
    CODE: { description: "Code, in a monospaced font." },
    LINK: { description: "A link to the span's `href`." },
  },
});

@ObjectType({ description: "A run of text with one set of marks. The texts of a block's spans, in order, are its `text`." })
export class TextSpan {
  @Field({ description: 'The text; "\\n" is a line break.' })
  text: string;

  @Field(() => [Mark], { description: "Its marks, nested ones included (a bold link is [BOLD, LINK]), in the order BOLD, ITALIC, CODE, LINK." })
  marks: Mark[];

  @Field(() => String, { nullable: true, description: "Where the link goes: set exactly when marks has LINK." })
  href?: string;
}

/**
 * What every block has. `articleId` and `anchors` are for resolvers: the
 * article the block is of, and the ids of the body's anchored blocks inside
 * it, whose inline feedback `inlineFeedbackCount` counts.
 */
@InterfaceType({ description: "A block of an article's content." })
export abstract class BlockBase {
  @Field(() => ID, {
    description:
      "Unique in the article. Headings, paragraphs, quotes and list items have the id their element has in `body`, " +
      "which inline feedback's `anchor.blockId` names; the other blocks have ids of their own, stable while the body is unchanged.",
  })
  id: string;

  @Field(() => Int, { description: "Approved inline feedback pinned to this block, or to a block inside it (a list's items, a quote's paragraphs)." })
  inlineFeedbackCount: number;

  articleId: number;
  anchors: string[];
}

@ObjectType({ implements: BlockBase, description: "A section heading." })
export class HeadingBlock extends BlockBase {
  @Field(() => Int, { description: "2 for a section, 3 for a subsection, and so on." })
  level: number;

  @Field({ description: "The heading as plain text." })
  text: string;

  @Field({ description: "The heading's id in `body`, as in `Article.headings`: for in-page links. Equal to `id`." })
  anchor: string;
}

@ObjectType({ implements: BlockBase, description: "A paragraph, a code block (its spans marked CODE, white space kept), or text outside any block." })
export class ParagraphBlock extends BlockBase {
  @Field({ description: "The paragraph as plain text." })
  text: string;

  @Field(() => [TextSpan], { description: "The text in runs of marks, for rendering." })
  spans: TextSpan[];
}

@ObjectType({ implements: BlockBase, description: "A quotation set apart from the text." })
export class QuoteBlock extends BlockBase {
  @Field({ description: 'The quotation as plain text; its paragraphs are separated by "\\n".' })
  text: string;

  @Field(() => [TextSpan], { description: "The text in runs of marks, for rendering." })
  spans: TextSpan[];

  @Field(() => String, { nullable: true, description: "Who said or wrote it: the quote's `<cite>` in `body`." })
  attribution: string | null;

  @Field(() => String, { nullable: true, description: "Where it comes from: the link in the attribution." })
  cite: string | null;
}

@ObjectType({ implements: BlockBase, description: "An item of a list; its id is the item's id in `body`." })
export class ListItem extends BlockBase {
  @Field({ description: 'The item as plain text; a nested list\'s items follow on lines of their own ("\\n").' })
  text: string;

  @Field(() => [TextSpan], { description: "The text in runs of marks, for rendering." })
  spans: TextSpan[];
}

@ObjectType({ implements: BlockBase, description: "A bulleted or numbered list." })
export class ListBlock extends BlockBase {
  @Field({ description: "True for a numbered list." })
  ordered: boolean;

  @Field(() => [ListItem], { description: "The items, in order." })
  items: ListItem[];
}

@ObjectType({ implements: BlockBase, description: "An image in the body, with its caption and credit." })
export class FigureBlock extends BlockBase {
  @Field(() => Image, { description: "The image, with its renditions (`url`, `srcSet`) from the configured image service." })
  image: Image;

  @Field(() => String, { nullable: true, description: "The caption (`<figcaption>`), without the credit." })
  caption: string | null;

  @Field(() => String, { nullable: true, description: "Who made the image: the caption's `<cite>`." })
  credit: string | null;
}

@ObjectType({
  implements: BlockBase,
  description:
    "Content from another site: a link to a known provider alone in a paragraph, or a link in a `<figure>` without an image. " +
    "The body keeps no third-party HTML (its sanitizer drops iframes and scripts): apps embed from `url`, with the provider's oEmbed or their own player.",
})
export class EmbedBlock extends BlockBase {
  @Field({ description: "The embedded content's URL." })
  url: string;

  @Field({ description: 'The provider ("YouTube", "Vimeo", "X"…), or the host of `url` for others.' })
  provider: string;

  @Field(() => String, { nullable: true, description: "The link's text, when it is not the URL itself." })
  title: string | null;

  @Field(() => String, { nullable: true, description: "The figure's caption." })
  caption: string | null;
}

/** `article` is the article whose content this is: `KeepReadingBlock.article` is its Keep Reading pick. */
@ObjectType({ implements: BlockBase, description: "Where the 'Keep Reading' box sits in the content." })
export class KeepReadingBlock extends BlockBase {
  source: { id: number };
}

export const Block = createUnionType({
  name: "Block",
  description: "A block of an article's content, in reading order.",
  types: () => [HeadingBlock, ParagraphBlock, QuoteBlock, ListBlock, FigureBlock, EmbedBlock, KeepReadingBlock] as const,
});
