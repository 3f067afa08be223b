import { LoaderFactory } from "../../shared/pagination/paged-loader";
import { Direction, ReadingPathService } from "./reading-path.service";
import { RelatedArticle } from "./related-article";

export function createReadingPathLoaders(readingPath: ReadingPathService, make: LoaderFactory) {
  const neighbours = (direction: Direction, sameCategory: boolean) =>
    make.batch((ids: readonly number[]) => readingPath.neighbours(ids, direction, sameCategory));
  return {
    relatedByArticle: make.paged<RelatedArticle>((ids, request) => readingPath.relatedPages(ids, request)),
    relatedCountByArticle: make.batch((ids: readonly number[]) => readingPath.relatedCounts(ids)),
    relatedPicksByArticle: make.batch((ids: readonly number[]) => readingPath.picks(ids)),
    previousByArticle: neighbours("previous", false),
    nextByArticle: neighbours("next", false),
    previousInCategoryByArticle: neighbours("previous", true),
    nextInCategoryByArticle: neighbours("next", true),
  };
}
