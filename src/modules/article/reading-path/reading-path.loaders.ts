import { LoaderFactory } from "../../../shared/pagination/paged-loader";
import { Direction, ReadingPathService } from "./reading-path.service";

export function createReadingPathLoaders(readingPath: ReadingPathService, make: LoaderFactory) {
  const neighbours = (direction: Direction, sameCategory: boolean) =>
    make.batch((ids: readonly number[]) => readingPath.neighbours(ids, direction, sameCategory));
  return {
    /** Shared by every field of the request that needs an article's ranking: it is computed once. */
    relatedRankingByArticle: make.batch((ids: readonly number[]) => readingPath.firstRankings(ids)),
    /** For the rare page beyond the first RANK_DEPTH (deep cursors, `last`). */
    fullRelatedRankingByArticle: make.batch((ids: readonly number[]) => readingPath.fullRankings(ids)),
    previousByArticle: neighbours("previous", false),
    nextByArticle: neighbours("next", false),
    previousInCategoryByArticle: neighbours("previous", true),
    nextInCategoryByArticle: neighbours("next", true),
  };
}
