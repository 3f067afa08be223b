import { Entity, PrimaryColumn, Column } from "typeorm";

/** A slug an article answered at before a rename: links to it keep working. */
@Entity("article_slug")
export class ArticleSlug {
  @PrimaryColumn({ type: "varchar", length: 300 })
  slug: string;

  @Column({ name: "article_id", type: "integer" })
  articleId: number;
}
