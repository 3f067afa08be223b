import { Column, Entity, PrimaryColumn } from "typeorm";

/** One author of an article's byline; `position` 0 is the lead, `article.authorId`. */
@Entity("article_author")
export class ArticleAuthor {
  @PrimaryColumn({ name: "article_id", type: "integer" })
  articleId: number;

  @PrimaryColumn({ name: "author_id", type: "integer" })
  authorId: number;

  @Column({ type: "integer" })
  position: number;
}
