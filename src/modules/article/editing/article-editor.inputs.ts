import { Field, Float, ID, InputType, Int, ObjectType } from "type-graphql";
import { BodyFormat } from "../body/body-format";
import { Article } from "../article.entity";
import { CREATE_IDEMPOTENCY_KEY } from "../../../shared/idempotency/idempotency-keys";

@InputType({ description: "The point of an image that crops keep in view, as fractions of its width and height from the top left corner." })
export class FocalPointInput {
  @Field(() => Float, { description: "0 (left edge) to 1 (right edge)." })
  x: number;

  @Field(() => Float, { description: "0 (top edge) to 1 (bottom edge)." })
  y: number;
}

@InputType({ description: "The lead image of an article." })
export class ImageInput {
  @Field({ description: "An http(s) URL." })
  url: string;

  @Field({ description: "Text for readers who cannot see the image." })
  alt: string;

  @Field(() => String, { nullable: true, description: "The caption shown under the image." })
  caption?: string | null;

  @Field(() => Int, { nullable: true, description: "Pixels." })
  width?: number | null;

  @Field(() => Int, { nullable: true, description: "Pixels." })
  height?: number | null;

  @Field(() => FocalPointInput, { nullable: true, description: "What crops keep in view; the centre when absent." })
  focalPoint?: FocalPointInput | null;
}

/** What `createArticle` and `updateArticle` share. */
@InputType({ description: "The fields that creating and updating an article share." })
abstract class ArticleFields {
  @Field(() => String, { nullable: true, description: "The standfirst under the headline." })
  subtitle?: string | null;

  @Field(() => String, { nullable: true, description: "The editor's excerpt; when absent, excerpts are cut from the body." })
  excerpt?: string | null;

  @Field(() => String, {
    nullable: true,
    description: "The page title for search results and shares (at most 110 characters); null or blank: the headline.",
  })
  seoTitle?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      "The meta description for search results and shares (at most 300 characters); null or blank: the editor's excerpt, the standfirst or the body's start.",
  })
  seoDescription?: string | null;

  @Field(() => [ID], { nullable: true, description: "The article's tags (at most 20); replaces the current ones." })
  tagIds?: string[] | null;

  @Field(() => ImageInput, { nullable: true, description: "The lead image." })
  featuredImage?: ImageInput | null;

  @Field(() => [ID], {
    nullable: true,
    description:
      "The byline, in order (at most 10 authors): the first is the lead author, `author`, whose account owns the article; the others are credited as co-authors. " +
      "Replaces the current byline. Authors and contributors must lead their own articles.",
  })
  authorIds?: string[] | null;

  @Field(() => ID, {
    nullable: true,
    description:
      "The block of `content` that the 'Keep Reading' box follows: the id of a heading, paragraph, quote, list, figure or embed " +
      "(an unknown id is BAD_USER_INPUT). Null: after the fifth paragraph (the last when there are fewer). " +
      "Absent from an update: where it was, or the default place when a new body no longer has that block.",
  })
  keepReadingAfterBlockId?: string | null;
}

@InputType({ description: "A new article; it starts as a DRAFT." })
export class CreateArticleInput extends ArticleFields {
  @Field(() => String, CREATE_IDEMPOTENCY_KEY)
  idempotencyKey?: string | null;

  @Field({ description: "The headline; the slug is made from it." })
  title: string;

  @Field({ description: "In bodyFormat; stored as sanitized HTML." })
  body: string;

  @Field(() => BodyFormat, { nullable: true, defaultValue: BodyFormat.MARKDOWN, description: "How body is written." })
  bodyFormat: BodyFormat | null;

  @Field(() => ID, { description: "The section." })
  categoryId: string;

  @Field(() => ID, { nullable: true, description: "The lead author, when authorIds is absent; defaults to the signed-in user's author profile." })
  authorId?: string | null;
}

@InputType({ description: "Changes to an article; absent fields stay as they are." })
export class UpdateArticleInput extends ArticleFields {
  @Field(() => ID, { description: "The article." })
  id: string;

  @Field(() => Int, { description: "The version the change is based on; a stale one is a CONFLICT." })
  version: number;

  @Field(() => String, { nullable: true, description: "The headline; before first publication the slug follows it." })
  title?: string | null;

  @Field(() => String, {
    nullable: true,
    description: "A new slug (made URL-safe and unique); the old one keeps answering once the article has been published.",
  })
  slug?: string | null;

  @Field(() => String, { nullable: true, description: "In bodyFormat; stored as sanitized HTML." })
  body?: string | null;

  @Field(() => BodyFormat, { nullable: true, description: "How body is written; MARKDOWN when absent." })
  bodyFormat?: BodyFormat | null;

  @Field(() => ID, { nullable: true, description: "The section." })
  categoryId?: string | null;
}

@ObjectType({ description: "The article a mutation changed, as it now is." })
export class ArticlePayload {
  @Field(() => Article, { description: "With its new version." })
  article: Article;
}
