import { Field, Int, ObjectType } from "type-graphql";
import { Column, Entity, PrimaryGeneratedColumn } from "typeorm";
import { Author, Category, Tag } from "../directory";
import { Node } from "../../shared/node.type";
import { ArticleStatus } from "./article-status";
import { Heading } from "./body/article-body.types";
import { StoredBlock } from "./content/stored-block";
import { Image } from "./images/image.types";

/**
 * A story. The body is stored as HTML together with what is derived from it
 * on write (word count, reading time, headings, lead text, the blocks of
 * `content`), so that reads never parse HTML.
 */
@Entity("article")
@ObjectType({ implements: Node, description: "A story, with everything its page shows." })
export class Article extends Node {
  @PrimaryGeneratedColumn()
  id: number;

  @Field({ description: "Stable, URL-safe name used in links." })
  @Column({ type: "varchar", length: 300, unique: true })
  slug: string;

  @Field({ description: "The headline." })
  @Column({ type: "varchar", length: 300 })
  title: string;

  @Field(() => String, { nullable: true, description: "The standfirst under the headline." })
  @Column({ type: "varchar", length: 500, nullable: true })
  subtitle: string | null;

  /** The editor's own excerpt; when null, `excerpt` is cut from `leadText`. */
  @Column({ name: "excerpt", type: "text", nullable: true })
  editorExcerpt: string | null;

  @Field(() => String, { nullable: true, description: "The editor's page title for search and sharing (`seo.title`); null: the headline." })
  @Column({ name: "seo_title", type: "varchar", length: 110, nullable: true })
  seoTitle: string | null;

  @Field(() => String, {
    nullable: true,
    description: "The editor's meta description (`seo.description`); null: the editor's excerpt, the standfirst or the body's start.",
  })
  @Column({ name: "seo_description", type: "varchar", length: 300, nullable: true })
  seoDescription: string | null;

  /** The start of the body as plain text, long enough for any excerpt. */
  @Column({ name: "lead_text", type: "text" })
  leadText: string;

  /** Sanitized HTML; not read by lists (see `article-list-shape.ts`): the `body` field resolves it. */
  @Column({ type: "text" })
  body: string;

  /** The body as plain text, for the full-text index; never read back. */
  @Column({ name: "body_text", type: "text", select: false })
  bodyText: string;

  /** Not read by lists either: the `headings` field resolves it. */
  @Column({ type: "simple-json" })
  headings: Heading[];

  /**
   * The body as blocks (`content/`), derived with it on every write, Keep
   * Reading placed; null for rows written before blocks existed, until the
   * startup backfill (`ContentBackfill`) derives theirs. Not read by lists.
   */
  @Column({ type: "simple-json", nullable: true })
  content: StoredBlock[] | null;

  /** The block the editor placed "Keep Reading" after; null: the default place (see `placeKeepReadingByDefault`). */
  @Column({ name: "keep_reading_after_block_id", type: "varchar", length: 100, nullable: true })
  keepReadingAfterBlockId: string | null;

  @Field(() => Int, { description: "Words in the body." })
  @Column({ name: "word_count", type: "integer" })
  wordCount: number;

  @Field(() => Int, {
    description: "Minutes at the site's reading speed (230 words a minute unless configured), rounded up, at least 1; derived when the body is saved.",
  })
  @Column({ name: "reading_time_minutes", type: "integer" })
  readingTimeMinutes: number;

  @Field(() => ArticleStatus, { description: "Always PUBLISHED for readers (unless they hold a preview token for the article)." })
  @Column({ type: "varchar", length: 16 })
  status: ArticleStatus;

  @Field(() => Date, { nullable: true, description: "When the article went live; null until then." })
  @Column({ name: "published_at", type: Date, nullable: true })
  publishedAt: Date | null;

  /** Set by the first publication and never cleared: from then on the slug no longer follows the title. */
  @Column({ name: "first_published_at", type: Date, nullable: true })
  firstPublishedAt: Date | null;

  @Column({ name: "created_at", type: Date })
  createdAt: Date;

  @Field(() => Date, { description: "When the article was last changed." })
  @Column({ name: "updated_at", type: Date })
  updatedAt: Date;

  @Field(() => Int, { description: "Optimistic-concurrency token: editors send it back with updates." })
  @Column({ type: "integer", default: 1 })
  version: number;

  @Column({ name: "author_id", type: "integer" })
  authorId: number;

  @Column({ name: "category_id", type: "integer" })
  categoryId: number;

  /** The editor's "Keep Reading" pin; shown only while that article is published. */
  @Column({ name: "keep_reading_id", type: "integer", nullable: true })
  keepReadingId: number | null;

  /** The lead author, the whole byline, section and tag rows when a list read them with the article (`article-list-shape.ts`). */
  joinedAuthor?: Author;
  joinedAuthors?: Author[];
  joinedCategory?: Category;
  joinedTags?: Tag[];

  /** Set on search results only: the match score that RELEVANCE orders by and its cursors carry. */
  relevance?: number;

  /** Set on MOST_READ lists only: the views in the list's window that the order ranks by and its cursors carry. */
  views?: number;

  /** Approved comments, replies included; kept current by the comment write path. */
  @Field(() => Int, { description: "Approved comments, replies included." })
  @Column({ name: "comment_count", type: "integer", default: 0 })
  commentCount: number;

  @Column({ name: "image_url", type: "varchar", length: 2000, nullable: true })
  imageUrl: string | null;

  @Column({ name: "image_alt", type: "varchar", length: 500, nullable: true })
  imageAlt: string | null;

  @Column({ name: "image_caption", type: "varchar", length: 1000, nullable: true })
  imageCaption: string | null;

  @Column({ name: "image_width", type: "integer", nullable: true })
  imageWidth: number | null;

  @Column({ name: "image_height", type: "integer", nullable: true })
  imageHeight: number | null;

  /** The lead image's focal point, 0..1 from the left and from the top; both set or both null. */
  @Column({ name: "image_focal_x", type: "double precision", nullable: true })
  imageFocalX: number | null;

  @Column({ name: "image_focal_y", type: "double precision", nullable: true })
  imageFocalY: number | null;

  @Field(() => Image, { nullable: true, description: "The lead image shown under the headline." })
  get featuredImage(): Image | null {
    if (!this.imageUrl) return null;
    return {
      url: this.imageUrl,
      alt: this.imageAlt ?? "",
      caption: this.imageCaption,
      width: this.imageWidth,
      height: this.imageHeight,
      // Left out rather than null when unset, so revisions saved before focal points existed compare equal.
      ...(this.imageFocalX !== null && this.imageFocalY !== null ? { focalPoint: { x: this.imageFocalX, y: this.imageFocalY } } : {}),
    };
  }
}
