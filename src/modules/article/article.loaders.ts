import { LoaderFactory } from "../../shared/pagination/paged-loader";
import { Article } from "./article.entity";
import { ArticleService } from "./article.service";

export function createArticleLoaders(articles: ArticleService, make: LoaderFactory) {
  return {
    articleById: make.batch((ids: readonly number[]) => articles.byIds(ids)),
    /** Articles as lists show them (no body; byline and section joined): the related articles and picks of a page. */
    articleInListById: make.batch((ids: readonly number[]) => articles.inListByIds(ids)),
    articleBodyById: make.batch((ids: readonly number[]) => articles.bodies(ids)),
    /** Each article's authors in byline order. */
    authorsByArticle: make.batch((ids: readonly number[]) => articles.bylines(ids)),
    /** The site's newest published articles, as many as the key: what Check Also falls back to. */
    newestArticlesByCount: make.batch((counts: readonly number[]) => articles.newest(counts)),
    articlesByAuthor: make.paged<Article>((ids, request) => articles.pagesByAuthor(ids, request)),
    articleCountByAuthor: make.batch((ids: readonly number[]) => articles.countByAuthor(ids)),
    articlesByCategory: make.paged<Article>((ids, request) => articles.pagesByCategory(ids, request)),
    articleCountByCategory: make.batch((ids: readonly number[]) => articles.countByCategory(ids)),
    articlesByTag: make.paged<Article>((ids, request) => articles.pagesByTag(ids, request)),
    articleCountByTag: make.batch((ids: readonly number[]) => articles.countByTag(ids)),
  };
}
