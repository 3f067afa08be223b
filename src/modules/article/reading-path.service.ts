import { DataSource } from "typeorm";
import { groupByParent } from "../../shared/batch";
import { countByParent, fetchPagesByParent } from "../../shared/pagination/fetch";
import { Page } from "../../shared/pagination/page";
import { PageRequest, pageRequest } from "../../shared/pagination/page-request";
import { ArticleStatus } from "./article-status";
import { Article } from "./article.entity";
import { ArticleService } from "./article.service";
import { RelatedArticle, relatedColumns, relatedOrder } from "./related-article";
import { RELATED_ALIAS, relatedScoresSql } from "./related.sql";

/**
 * How many related articles an article page shows: Keep Reading is the
 * first of them, and Check Also repeats none of them.
 */
export const RELATED_PICKS = 3;

const PICKS_REQUEST = pageRequest({ first: RELATED_PICKS }, relatedOrder);

/** Enough of the section's newest articles that one is left after the article and its picks. */
export const CHECK_ALSO_CANDIDATES = RELATED_PICKS + 2;

export type Direction = "previous" | "next";

/**
 * Where a reader goes from an article: related articles, the picks the page
 * shows from them, and the articles published just before and after. Every
 * method answers for a batch of articles in one statement.
 */
export class ReadingPathService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly articles: ArticleService,
  ) {}

  relatedPages(articleIds: readonly number[], request: PageRequest<RelatedArticle>): Promise<Page<RelatedArticle>[]> {
    return fetchPagesByParent(this.related(articleIds), "article", `${RELATED_ALIAS}.source_id`, articleIds, request, relatedColumns);
  }

  relatedCounts(articleIds: readonly number[]): Promise<number[]> {
    return countByParent(this.related(articleIds), `${RELATED_ALIAS}.source_id`, articleIds);
  }

  /** Each article's first RELATED_PICKS related articles, the editor's pin first when it is published. */
  async picks(articleIds: readonly number[]): Promise<Article[][]> {
    const pages = await this.relatedPages(articleIds, PICKS_REQUEST);
    return pages.map((page) => page.nodes.map((row) => row.article));
  }

  /**
   * The published article just before (`previous`: older) or after (`next`:
   * newer) each one in publication order (time, then id), within its
   * section when `sameCategory`; null at either end.
   */
  async neighbours(articleIds: readonly number[], direction: Direction, sameCategory: boolean): Promise<(Article | null)[]> {
    const [operator, order] = direction === "previous" ? ["<", "DESC"] : [">", "ASC"];
    // A correlated LIMIT 1 per source: one index seek each, in the feed indexes.
    const nearest = `SELECT nearest.id FROM article nearest
      WHERE nearest.status = :published AND (nearest.published_at, nearest.id) ${operator} (source.published_at, source.id)
      ${sameCategory ? "AND nearest.category_id = source.category_id" : ""}
      ORDER BY nearest.published_at ${order}, nearest.id ${order} LIMIT 1`;
    const { raw, entities } = await this.articles
      .published()
      .innerJoin(Article, "source", `article.id = (${nearest})`)
      .addSelect("source.id", "source_key")
      .andWhere("source.id IN (:...sourceIds)", { sourceIds: articleIds })
      .getRawAndEntities();
    const bySource = groupByParent(raw, entities, "article_id", "source_key");
    return articleIds.map((articleId) => bySource.get(articleId)?.[0] ?? null);
  }

  /**
   * Articles joined to the related scores of `sourceIds`, which hold
   * published candidates only: with no condition of its own on `article`,
   * the query starts from the scores and finds each article by its key.
   */
  private related(sourceIds: readonly number[]) {
    return this.dataSource
      .getRepository(Article)
      .createQueryBuilder("article")
      .innerJoin(relatedScoresSql(this.dataSource), RELATED_ALIAS, `${RELATED_ALIAS}.id = article.id`, {
        relatedSourceIds: sourceIds,
        relatedPublished: ArticleStatus.PUBLISHED,
      });
  }
}

/**
 * The "Check Also" rule: the newest of `newestInCategory` (the section's
 * newest articles, newest first) that is neither the article itself nor one
 * of its picks, so never its Keep Reading article; null when none is left.
 */
export function chooseCheckAlso(article: Article, picks: Article[], newestInCategory: Article[]): Article | null {
  const shown = new Set([article.id, ...picks.map((pick) => pick.id)]);
  return newestInCategory.find((candidate) => !shown.has(candidate.id)) ?? null;
}
