import { Field, ObjectType } from "type-graphql";
import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { Image } from "../images/image.types";
import { BodyFormat } from "../body/body-format";
import { Node } from "../../../shared/node.type";
import { RevisionAction } from "./revision-action";

/** The editable content of an article at one moment: what a restore writes back. */
export interface RevisionContent {
  title: string;
  subtitle: string | null;
  /** The editor's excerpt (null: cut from the body). */
  excerpt: string | null;
  /** The editor's SEO overrides; absent from revisions saved before they existed, when there were none. */
  seoTitle?: string | null;
  seoDescription?: string | null;
  /** The body as stored: sanitized HTML with its block ids, so a restore keeps inline comments' anchors. */
  body: string;
  /** The text the editor sent, when this save carried a body; null otherwise. */
  bodySource: string | null;
  bodyFormat: BodyFormat | null;
  categoryId: number;
  tagIds: number[];
  image: Image | null;
  /** For the record only: a restore never moves the slug of a published article. */
  slug: string;
}

/**
 * One saved state of a published article: who saved it, when, which fields
 * changed since the revision before, and a snapshot of the editable content.
 * Written in the transaction of the save itself.
 */
@Entity("article_revision")
@Index(["articleId", "id"])
@ObjectType({ implements: Node, description: "A saved state of a published article; editors and its author may list and restore it." })
export class ArticleRevision extends Node {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: "article_id", type: "integer" })
  articleId: number;

  /** Null when the system acted: the scheduler publishing a scheduled article. */
  @Column({ name: "user_id", type: "integer", nullable: true })
  userId: number | null;

  @Field(() => RevisionAction, { description: "What kind of save made this revision." })
  @Column({ type: "varchar", length: 16 })
  action: RevisionAction;

  @Field(() => [String], {
    description: "The fields (as named in UpdateArticleInput) that differ from the revision before; every field set for the first revision.",
  })
  @Column({ name: "changed_fields", type: "simple-json" })
  changedFields: string[];

  @Column({ type: "simple-json" })
  content: RevisionContent;

  @Field(() => Date, { description: "When it was saved." })
  @Column({ name: "created_at", type: Date })
  createdAt: Date;

  /** The byline owner of the article, joined in for visibility checks; not a column. */
  articleAuthorId?: number;

  @Field({ description: "The headline." })
  get title(): string {
    return this.content.title;
  }

  @Field(() => String, { nullable: true, description: "The standfirst." })
  get subtitle(): string | null {
    return this.content.subtitle;
  }

  @Field(() => String, { nullable: true, description: "The editor's excerpt; null when excerpts were cut from the body." })
  get excerpt(): string | null {
    return this.content.excerpt;
  }

  @Field(() => String, { nullable: true, description: "The editor's page title for search and sharing; null: the headline." })
  get seoTitle(): string | null {
    return this.content.seoTitle ?? null;
  }

  @Field(() => String, { nullable: true, description: "The editor's meta description; null: the editor's excerpt, the standfirst or the body's start." })
  get seoDescription(): string | null {
    return this.content.seoDescription ?? null;
  }

  @Field({ description: "Sanitized HTML, as readers saw it." })
  get body(): string {
    return this.content.body;
  }

  @Field(() => String, { nullable: true, description: "The body as the editor wrote it, in bodyFormat; null when this save did not carry a body." })
  get bodySource(): string | null {
    return this.content.bodySource;
  }

  @Field(() => BodyFormat, { nullable: true, description: "How bodySource is written." })
  get bodyFormat(): BodyFormat | null {
    return this.content.bodyFormat;
  }

  @Field({ description: "The slug at the time; restoring never moves a published article's slug." })
  get slug(): string {
    return this.content.slug;
  }

  @Field(() => Image, { nullable: true, description: "The lead image." })
  get featuredImage(): Image | null {
    return this.content.image;
  }
}
