import { Entity, PrimaryColumn } from "typeorm";

/** The many-to-many link between articles and their tags. */
@Entity("article_tag")
export class ArticleTag {
  @PrimaryColumn({ name: "article_id", type: "integer" })
  articleId: number;

  @PrimaryColumn({ name: "tag_id", type: "integer" })
  tagId: number;
}
