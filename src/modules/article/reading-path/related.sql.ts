import { DataSource } from "typeorm";
import { daysApartSql, isPostgres, shiftDaysSql } from "../../../database/dialect";

/**
 * The relatedness rule, in one place. For a source article S and another
 * published article C:
 *
 *   score = Σ idf(t) over the tags t that S and C share
 *         + 1.0 when C is in S's section
 *         + 0.5 when C has S's author
 *         + 0.5 / (1 + days between their publication / 30)
 *
 * with idf(t) = ln(1 + articles / articles tagged t): a tag on 2 of 1,000
 * articles weighs 6.2, one on half of them 1.1. Both counts take every
 * article, drafts included, because those are the counts the indexes keep
 * for free: counting only published ones meant reading every row of the
 * table and of the tag's articles on each ranking (see BENCHMARKS.md), and
 * a per-process cache or counts kept on write would
 * go stale under writes this code does not see (a tag deleted, an article
 * unpublished by another path or instance). Drafts are a few percent of a
 * newsroom's articles; their tags are about to be published anyway. Tags
 * dominate; section and author lift an article among equals; closeness in
 * time (never age relative to now, so scores and cursors hold over time)
 * prefers the same news cycle. Candidates are the articles that share a
 * tag or the author, those of the same section published within 30 days of
 * it (the section alone does not make an article from another year
 * related, and a large section would cost every read), and the editor's
 * pin, which sorts first.
 */
export const RELATED_WEIGHTS = { sameCategory: 1.0, sameAuthor: 0.5, closeness: 0.5, closenessDays: 30, sectionWindowDays: 30 };

/** Which ranking statement: to `:rankDepth` rows or all, of one source or a batch, with or without `total`. */
export interface RankingStatement {
  depth: boolean;
  oneSource: boolean;
  /** A batch counts in any case. */
  counted: boolean;
}

/**
 * SQL of each source's ranking, best first (the order of `relatedOrder`):
 * rows `(source_id, id, published_at, pinned, source_published,
 * shared_tags, same_category, same_author, score, total)`, the first `:rankDepth` of each source when
 * `depth` is set, all otherwise; `total` counts them all. One statement
 * serves every field that needs the ranking (the page, its count, Keep
 * Reading, Check Also): the scores are computed once per request. A ranking
 * of one source (an article page's) is one ordered list with a LIMIT, where
 * a batch numbers each source's rows in a window: one sort instead of
 * three, the same rows; and it has no `total` unless `counted`.
 */
export function relatedRankingSql(dataSource: DataSource, statement: RankingStatement): string {
  const order = "related.pinned DESC, related.score DESC, related.published_at DESC, related.id DESC";
  if (statement.oneSource) {
    return `SELECT related.*${statement.counted ? ", COUNT(*) OVER () AS total" : ""} FROM ${relatedScoresSql(dataSource)} related
    ORDER BY ${order} ${statement.depth ? "LIMIT :rankDepth" : ""}`;
  }
  return `SELECT ranked.* FROM (
      SELECT related.*, ROW_NUMBER() OVER (PARTITION BY related.source_id ORDER BY ${order}) AS rn,
        COUNT(*) OVER (PARTITION BY related.source_id) AS total
      FROM ${relatedScoresSql(dataSource)} related
    ) ranked ${statement.depth ? "WHERE ranked.rn <= :rankDepth" : ""}
    ORDER BY ranked.source_id, ranked.rn`;
}

/**
 * SQL of a derived table `(source_id, id, published_at, pinned,
 * source_published, shared_tags, same_category, same_author, score)`: one row per published
 * candidate C of each source in `:...relatedSourceIds`, never the source
 * itself. `:relatedPublished` is the PUBLISHED status.
 */
function relatedScoresSql(dataSource: DataSource): string {
  const sources = "IN (:...relatedSourceIds)";
  const sameCategory = "candidate.category_id = source.category_id";
  const sameAuthor = "candidate.author_id = source.author_id";
  const daysApart = daysApartSql(dataSource, "candidate.published_at", "source.published_at");
  const { sameCategory: categoryWeight, sameAuthor: authorWeight, closeness, closenessDays, sectionWindowDays } = RELATED_WEIGHTS;
  // SQLite would look articles up by rowid, in the table, whose columns after the 5 KB body cost a walk of its
  // overflow pages (see the article_ranking migration): INDEXED BY makes it read them from the covering index.
  const covering = isPostgres(dataSource) ? "" : "INDEXED BY article_ranking";
  // Every signal is a row (source, candidate, idf, tagged, pinned); one GROUP BY sums them per pair before
  // anything else is joined. The pairs carry only the two ids: the sources' columns are read once, in a derived
  // table joined to the summed pairs. Carried in every signal row and grouped by, they made an article page's
  // ranking on SQLite a third slower (0.33 against 0.25 ms); looking the source up again for each of its
  // thousands of pairs cost a fifth of a ranking on PostgreSQL, and seconds for an article whose row has dead
  // versions an open transaction still sees (every comment rewrites comment_count). CROSS JOIN makes SQLite,
  // which has no statistics unless ANALYZE ran, start from the few sources rather than from every published
  // article; PostgreSQL plans it as the inner join it is.
  return `(SELECT pair.source_id AS source_id, candidate.id AS id, candidate.published_at AS published_at,
      pair.pinned AS pinned,
      CASE WHEN source.status = :relatedPublished THEN 1 ELSE 0 END AS source_published,
      pair.shared_tags AS shared_tags,
      CASE WHEN ${sameCategory} THEN 1 ELSE 0 END AS same_category,
      CASE WHEN ${sameAuthor} THEN 1 ELSE 0 END AS same_author,
      CAST(pair.idf
        + CASE WHEN ${sameCategory} THEN ${categoryWeight} ELSE 0 END
        + CASE WHEN ${sameAuthor} THEN ${authorWeight} ELSE 0 END
        + ${closeness} / (1 + ${daysApart} / ${closenessDays}.0) AS double precision) AS score
    FROM (
      SELECT signal.source_id AS source_id, signal.id AS id,
        SUM(signal.idf) AS idf, SUM(signal.tagged) AS shared_tags, MAX(signal.pinned) AS pinned
      FROM (
        SELECT s.id AS source_id, c.id AS id, 0.0 AS idf, 0 AS tagged, 0 AS pinned
          FROM article s CROSS JOIN article c
          WHERE s.id ${sources} AND c.category_id = s.category_id AND c.status = :relatedPublished
            AND c.published_at BETWEEN ${shiftDaysSql(dataSource, "s.published_at", -sectionWindowDays - 1)} AND ${shiftDaysSql(dataSource, "s.published_at", sectionWindowDays + 1)}
            AND ${daysApartSql(dataSource, "c.published_at", "s.published_at")} <= ${sectionWindowDays}
        UNION ALL SELECT s.id, c.id, 0.0, 0, 0
          FROM article s CROSS JOIN article c WHERE s.id ${sources} AND c.author_id = s.author_id
        UNION ALL SELECT s.id, s.keep_reading_id, 0.0, 0, 1 FROM article s WHERE s.id ${sources} AND s.keep_reading_id IS NOT NULL
        UNION ALL SELECT own.article_id, other.article_id, weight.idf, 1, 0
          FROM article_tag own
          CROSS JOIN article_tag other
          JOIN (${tagWeightsSql(dataSource, sources)}) weight ON weight.tag_id = own.tag_id
          WHERE own.article_id ${sources} AND other.tag_id = own.tag_id
      ) signal
      GROUP BY signal.source_id, signal.id
    ) pair
    JOIN (SELECT s.id, s.status, s.category_id, s.author_id, s.published_at FROM article s ${covering} WHERE s.id ${sources}) source
      ON source.id = pair.source_id
    CROSS JOIN article candidate ${covering}
    WHERE candidate.id = pair.id AND candidate.status = :relatedPublished AND candidate.id <> pair.source_id)`;
}

/** idf of each tag the sources carry (see `RELATED_WEIGHTS`): two index counts. */
function tagWeightsSql(dataSource: DataSource, sources: string): string {
  return `SELECT tagged.tag_id AS tag_id, LN(1.0 + CAST(${articleCountSql(dataSource)} AS double precision) / COUNT(*)) AS idf
    FROM article_tag tagged
    WHERE tagged.tag_id IN (SELECT tag_id FROM article_tag WHERE article_id ${sources})
    GROUP BY tagged.tag_id`;
}

/**
 * SQL of how many articles there are, for weights that only need the
 * order of magnitude. SQLite counts a table from its b-tree in microseconds;
 * PostgreSQL has no such count (COUNT(*) reads every index entry), so it reads the planner's row estimate, which VACUUM and ANALYZE keep
 * within a few percent, and counts only a table never analysed (-1 or 0).
 */
function articleCountSql(dataSource: DataSource): string {
  return isPostgres(dataSource)
    ? `(SELECT CASE WHEN class.reltuples > 0 THEN class.reltuples ELSE (SELECT COUNT(*) FROM article) END
        FROM pg_class class WHERE class.oid = 'article'::regclass)`
    : "(SELECT COUNT(*) FROM article)";
}
