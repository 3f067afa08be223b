import { DataSource, SelectQueryBuilder } from "typeorm";
import { reuseSqlText } from "../../database/sql-text-cache";
import { isStorableText } from "../../shared/input-text";
import { ComputedColumns, shapedEntity } from "../../shared/pagination/fetch";
import { User } from "../user";
import { articlePolicy } from "./article-policy";
import { ArticleStatus } from "./article-status";
import { Article } from "./article.entity";
import { articlePageShape } from "./list/article-list-shape";

export type ArticleLookup = { id: number } | { slug: string };

/**
 * "This slug or id, for this viewer": the one way a single article is
 * found. A slug matches the current one or one the article had before a
 * rename (`editing/article-slugs.ts`) through the UNION of two unique-key
 * lookups, which keeps both indexes in use (an OR of the two scans the
 * table on both stores).
 */
export class ArticleLookupService {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Published only: what every reader may see. `fields`, those the client
   * selected on the article, join in the byline, section and tags it shows;
   * `computed`, given the article's alias, what the row reads beside them.
   */
  published(
    lookup: ArticleLookup,
    fields: readonly string[] = [],
    computed?: (alias: string) => ComputedColumns<Article, Article> | undefined,
  ): Promise<Article | null> {
    return this.find(lookup, ArticleStatus.PUBLISHED, fields, computed?.("article"));
  }

  /** Any status, for those allowed to see it; null otherwise (a draft is as invisible as a missing article). */
  async readable(user: User, lookup: ArticleLookup): Promise<Article | null> {
    const article = await this.find(lookup);
    return article && articlePolicy.canRead(user, article) ? article : null;
  }

  /** Any status: only for callers that checked the right to see it (a preview token). */
  anyStatus(lookup: ArticleLookup): Promise<Article | null> {
    return this.find(lookup);
  }

  private async find(
    lookup: ArticleLookup,
    status?: ArticleStatus,
    fields: readonly string[] = [],
    computed?: ComputedColumns<Article, Article>,
  ): Promise<Article | null> {
    if ("slug" in lookup && !isStorableText(lookup.slug)) return null;
    const shape = articlePageShape(fields);
    const qb: SelectQueryBuilder<Article> = shape.select(this.dataSource.getRepository(Article).createQueryBuilder("article"), "article");
    if ("id" in lookup) qb.where("article.id = :id", lookup);
    else qb.where("article.id IN (SELECT id FROM article WHERE slug = :slug UNION SELECT article_id FROM article_slug WHERE slug = :slug)", lookup);
    if (status) qb.andWhere("article.status = :status", { status });
    for (const [name, sql] of Object.entries(computed?.columns ?? {})) qb.addSelect(sql, name);
    if (computed?.parameters) qb.setParameters(computed.parameters);
    const [row] = await reuseSqlText(qb).getRawMany();
    if (!row) return null;
    const article = shapedEntity(this.dataSource, Article, "article", shape)(row);
    return computed ? computed.build(article, row) : article;
  }
}
