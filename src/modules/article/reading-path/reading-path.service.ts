import { DataSource } from "typeorm";
import { tags } from "../../../caching/cache-tags";
import { FragmentCache } from "../../../caching/fragment-cache";
import { groupRows } from "../../../shared/batch";
import { isPostgres } from "../../../database/dialect";
import { nameStatement } from "../../../database/prepared-statements";
import { rowHydrator } from "../../../database/row-hydrator";
import { MAX_PAGE_SIZE, PageRequest, pageRequest } from "../../../shared/pagination/page-request";
import { ArticleStatus } from "../article-status";
import { Article } from "../article.entity";
import { ArticleService } from "../article.service";
import { articleOrders } from "../list/article.orders";
import { RelatedArticle, RelatedRanking, rankingCodec, reasonsOf } from "./related-article";
import { relatedRankingSql } from "./related.sql";

/**
 * How many related articles an article page shows: Keep Reading is the
 * first of them, and Check Also repeats none of them.
 */
export const RELATED_PICKS = 3;

/** Enough of the section's (or the site's) newest articles that one is left after the article and its picks. */
export const CHECK_ALSO_CANDIDATES = RELATED_PICKS + 2;

/**
 * The section's newest articles that `checkAlso` chooses from, read with
 * only `fields` (those the client selected on the teaser), so that the read
 * of the section's own first articles can answer them too.
 */
export function checkAlsoCandidates(fields: readonly string[]): PageRequest<Article> {
  return pageRequest({ first: CHECK_ALSO_CANDIDATES }, articleOrders.NEWEST, fields);
}

/** How deep a ranking is read unless a page needs more: the longest first page and one more, to tell that more exist. */
export const RANK_DEPTH = MAX_PAGE_SIZE + 1;

export type Direction = "previous" | "next";

interface RankingRow {
  source_id: number | string;
  id: number | string;
  published_at: unknown;
  pinned: number | string;
  source_published: number | string;
  shared_tags: number | string;
  same_category: number | string;
  same_author: number | string;
  score: number | string;
  /** Absent when the statement does not count. */
  total?: number | string;
}

/**
 * Where a reader goes from an article: related articles, the picks the page
 * shows from them, and the articles published just before and after. Every
 * method answers for a batch of articles in one statement.
 */
export class ReadingPathService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly articles: ArticleService,
    private readonly fragments: FragmentCache,
  ) {}

  /**
   * Each article's related articles, best first: the first `depth` (at most
   * RANK_DEPTH, what every page of a ranking but a deep one reads), and how
   * many there are in all when `counted` (counting them all costs a fifth of
   * a ranking; otherwise `total` is null unless the rows read are all).
   * Rankings of published articles are kept in the fragment cache (with the
   * response cache) until a change to the reading path purges them: a
   * comment, which purges the article's page, leaves its ranking. A kept
   * ranking serves every later page, so with the cache on it is read to
   * RANK_DEPTH and counted whatever the request asks; without it, no row
   * past `depth` is read. Rows carry ids, not articles: the few a page shows
   * are read by id, with the other articles of the request.
   */
  async firstRankings(articleIds: readonly number[], depth = RANK_DEPTH, counted = true): Promise<RelatedRanking[]> {
    const keeps = this.fragments.keeps;
    const rankDepth = keeps ? RANK_DEPTH : Math.min(depth, RANK_DEPTH);
    return this.fragments.through("related-ranking", articleIds, rankingCodec, async (ids) => {
      const { rankings, published } = await this.rank(ids, rankDepth, keeps || counted);
      return rankings.map((ranking, index) => ({ value: ranking, tags: published[index] ? [tags.readingPath] : null }));
    });
  }

  /** Each article's related articles, all of them, best first: for the rare page beyond the first RANK_DEPTH. */
  async fullRankings(articleIds: readonly number[]): Promise<RelatedRanking[]> {
    return (await this.rank(articleIds, null, false)).rankings;
  }

  /**
   * The rankings in one statement, each to `depth` rows (all of them when null), counted when `counted` (a
   * batch counts them anyway), and whether each source is published (only those may be kept: drafts' edits
   * purge nothing).
   */
  private async rank(articleIds: readonly number[], depth: number | null, counted: boolean): Promise<{ rankings: RelatedRanking[]; published: boolean[] }> {
    const shape = { depth: depth !== null, oneSource: articleIds.length === 1, counted: counted && depth !== null };
    const [sql, parameters] = this.dataSource.driver.escapeQueryWithParameters(relatedRankingSql(this.dataSource, shape), {
      relatedSourceIds: articleIds,
      relatedPublished: ArticleStatus.PUBLISHED,
      rankDepth: depth,
    });
    // An article page ranks one article: on PostgreSQL its texts (first, counted or not, and full) run as named
    // statements, whose plan is kept after a few runs instead of made again each time (2 to 3 ms, a sixth of a
    // ranking at 100,000 articles). Batches give a text per length, which would crowd out the list shapes that repeat.
    if (shape.oneSource && isPostgres(this.dataSource)) nameStatement(sql);
    const rows: RankingRow[] = await this.dataSource.query(sql, parameters);
    const rankings = new Map<number, { rows: RelatedArticle[]; total: number | null }>();
    const published = new Set<number>();
    for (const row of rows) {
      const sourceId = Number(row.source_id);
      const ranking = rankings.get(sourceId) ?? { rows: [], total: row.total === undefined ? null : Number(row.total) };
      ranking.rows.push(this.relatedArticle(row));
      rankings.set(sourceId, ranking);
      if (Number(row.source_published) > 0) published.add(sourceId);
    }
    // Uncounted, the rows read are all of them when fewer than asked for.
    const totalOf = (ranking: { rows: RelatedArticle[]; total: number | null }) =>
      ranking.total ?? (depth === null || ranking.rows.length < depth ? ranking.rows.length : null);
    return {
      rankings: articleIds.map((articleId) => {
        const ranking = rankings.get(articleId) ?? { rows: [], total: null };
        return { rows: ranking.rows, total: totalOf(ranking) };
      }),
      published: articleIds.map((articleId) => published.has(articleId)),
    };
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
    const raw = await this.articles
      .published()
      .innerJoin(Article, "source", `article.id = (${nearest})`)
      .addSelect("source.id", "source_key")
      .andWhere("source.id IN (:...sourceIds)", { sourceIds: articleIds, published: ArticleStatus.PUBLISHED })
      .getRawMany();
    const hydrate = rowHydrator(this.dataSource, Article, "article");
    const bySource = groupRows(raw, "source_key", (row) => hydrate(row)!);
    return articleIds.map((articleId) => bySource.get(articleId)?.[0] ?? null);
  }

  private relatedArticle(row: RankingRow): RelatedArticle {
    const pinned = Number(row.pinned) > 0;
    return {
      id: Number(row.id),
      publishedAt: this.dataSource.driver.prepareHydratedValue(row.published_at, this.publishedAtColumn()),
      pinned,
      score: Number(row.score),
      reasons: reasonsOf({
        pinned,
        sharedTags: Number(row.shared_tags) > 0,
        sameCategory: Number(row.same_category) > 0,
        sameAuthor: Number(row.same_author) > 0,
      }),
    };
  }

  /** Raw rows hold the store's form of a timestamp: the column's own hydration makes it the Date an entity would hold. */
  private publishedAtColumn() {
    return this.dataSource.getMetadata(Article).findColumnWithPropertyName("publishedAt")!;
  }
}

/**
 * The "Check Also" rule: the newest of `newest` (the section's newest
 * articles, newest first) that is neither the article itself nor one of its
 * picks, so never its Keep Reading article; null when none is left. When
 * the section leaves none, the resolver applies the same rule to the whole
 * site's newest articles: Check Also is empty only on a site with nothing else.
 */
export function chooseCheckAlso(article: Article, picks: Article[], newest: Article[]): Article | null {
  const shown = new Set([article.id, ...picks.map((pick) => pick.id)]);
  return newest.find((candidate) => !shown.has(candidate.id)) ?? null;
}
