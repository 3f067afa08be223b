import { LoaderFactory } from "../../../shared/pagination/paged-loader";
import { ArticleRevision } from "./article-revision.entity";
import { ArticleRevisionService } from "./revision.service";

export function createRevisionLoaders(revisions: ArticleRevisionService, make: LoaderFactory) {
  return {
    revisionById: make.batch((ids: readonly number[]) => revisions.byIds(ids)),
    revisionsByArticle: make.paged<ArticleRevision>((ids, request) => revisions.pagesByArticle(ids, request)),
    revisionCountByArticle: make.batch((ids: readonly number[]) => revisions.countByArticle(ids)),
  };
}
