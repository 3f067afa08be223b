import { LoaderFactory } from "../../../shared/pagination/paged-loader";
import { Direction, ReadingPathService } from "./reading-path.service";
import { RelatedRanking } from "./related-article";

/** A request's rankings, each read once for every field that needs it. */
export interface RankingLoader {
  /** The article's ranking, at least `rows` deep (or all of it, when shorter), with its `total` when `counted`. */
  load(articleId: number, rows: number, counted?: boolean): Promise<RelatedRanking>;
}

export function createReadingPathLoaders(readingPath: ReadingPathService, make: LoaderFactory) {
  const neighbours = (direction: Direction, sameCategory: boolean) =>
    make.batch((ids: readonly number[]) => readingPath.neighbours(ids, direction, sameCategory));
  return {
    /** Shared by every field of the request that needs an article's ranking: it is computed once. */
    relatedRankingByArticle: rankingLoader(readingPath, make),
    /** For the rare page beyond the first RANK_DEPTH (deep cursors, `last`). */
    fullRelatedRankingByArticle: make.batch((ids: readonly number[]) => readingPath.fullRankings(ids)),
    previousByArticle: neighbours("previous", false),
    nextByArticle: neighbours("next", false),
    previousInCategoryByArticle: neighbours("previous", true),
    nextInCategoryByArticle: neighbours("next", true),
  };
}

/**
 * One statement for the rankings that the fields of a level ask for (the
 * page of related articles, Keep Reading, Check Also), as deep as the
 * deepest of them and counted when one of them counts: the batch leaves
 * after all of them have asked, and reads what they asked for then. A
 * field of a later level finds the ranking already read; when it is too
 * short for that field's page, the resolver reads the full ranking, as it
 * does for pages past the first RANK_DEPTH.
 */
function rankingLoader(readingPath: ReadingPathService, make: LoaderFactory): RankingLoader {
  let depth = 0;
  let counting = false;
  const rankings = make.batch((ids: readonly number[]) => readingPath.firstRankings(ids, depth, counting));
  return {
    load(articleId, rows, counted = false) {
      depth = Math.max(depth, rows);
      counting ||= counted;
      return rankings.load(articleId);
    },
  };
}
