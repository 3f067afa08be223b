import { batchLoader, pagedLoader } from "../../shared/pagination/paged-loader";
import { Direction, ReadingPathService } from "./reading-path.service";
import { RelatedArticle } from "./related-article";

export function createReadingPathLoaders(readingPath: ReadingPathService) {
  const neighbours = (direction: Direction, sameCategory: boolean) =>
    batchLoader((ids: readonly number[]) => readingPath.neighbours(ids, direction, sameCategory));
  return {
    relatedByArticle: pagedLoader<RelatedArticle>((ids, request) => readingPath.relatedPages(ids, request)),
    relatedCountByArticle: batchLoader((ids: readonly number[]) => readingPath.relatedCounts(ids)),
    relatedPicksByArticle: batchLoader((ids: readonly number[]) => readingPath.picks(ids)),
    previousByArticle: neighbours("previous", false),
    nextByArticle: neighbours("next", false),
    previousInCategoryByArticle: neighbours("previous", true),
    nextInCategoryByArticle: neighbours("next", true),
  };
}
