import { DataSource } from "typeorm";
import { groupRows } from "../../../shared/batch";
import { NestedPages } from "../../../shared/pagination/nested-pages";
import { rowHydrator } from "../../../database/row-hydrator";
import { reuseSqlText } from "../../../database/sql-text-cache";
import { NamedEntityService } from "../named-entity.service";
import { ArticleTag } from "./article-tag.entity";
import { Tag } from "./tag.entity";

export class TagService extends NamedEntityService<Tag> {
  constructor(dataSource: DataSource, nestedPages: readonly NestedPages[] = []) {
    super(dataSource, Tag, "tags", nestedPages);
  }

  /** Each article's tags, by name, for all `articleIds` in one statement. */
  async byArticles(articleIds: readonly number[]): Promise<Tag[][]> {
    const raw = await reuseSqlText(
      this.dataSource
        .getRepository(Tag)
        .createQueryBuilder("tag")
        .innerJoin(ArticleTag, "article_tag", "article_tag.tag_id = tag.id")
        .addSelect("article_tag.article_id", "article_key")
        .where("article_tag.article_id IN (:...articleIds)", { articleIds })
        .orderBy("tag.name")
        .addOrderBy("tag.id"),
    ).getRawMany();
    const hydrate = rowHydrator(this.dataSource, Tag, "tag");
    const byArticle = groupRows(raw, "article_key", (row) => hydrate(row)!);
    return articleIds.map((articleId) => byArticle.get(articleId) ?? []);
  }
}
