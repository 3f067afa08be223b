import { batchLoader, pagedLoader } from "../../shared/pagination/paged-loader";
import { Article } from "./article.entity";
import { ArticleService } from "./article.service";

export function createArticleLoaders(articles: ArticleService) {
  return {
    articleById: batchLoader((ids: readonly number[]) => articles.byIds(ids)),
    articlesByAuthor: pagedLoader<Article>((ids, request) => articles.pagesByAuthor(ids, request)),
    articleCountByAuthor: batchLoader((ids: readonly number[]) => articles.countByAuthor(ids)),
    articlesByCategory: pagedLoader<Article>((ids, request) => articles.pagesByCategory(ids, request)),
    articleCountByCategory: batchLoader((ids: readonly number[]) => articles.countByCategory(ids)),
    articlesByTag: pagedLoader<Article>((ids, request) => articles.pagesByTag(ids, request)),
    articleCountByTag: batchLoader((ids: readonly number[]) => articles.countByTag(ids)),
  };
}
