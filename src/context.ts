import { createArticleLoaders } from "./modules/article/article.loaders";
import { createReadingPathLoaders } from "./modules/article/reading-path.loaders";
import { createCommentLoaders } from "./modules/comment/comment.loaders";
import { User } from "./modules/user/user.entity";
import { Services } from "./services";
import { LoaderOptions, batchLoader, buildLoaders } from "./shared/pagination/paged-loader";

/** Fresh per request: loaders cache only for the request that made them. */
export function createLoaders(services: Services, options: LoaderOptions) {
  return buildLoaders(options, () => ({
    ...createArticleLoaders(services.articles),
    ...createReadingPathLoaders(services.readingPath),
    ...createCommentLoaders(services.comments),
    authorById: batchLoader((ids: readonly number[]) => services.authors.byIds(ids)),
    categoryById: batchLoader((ids: readonly number[]) => services.categories.byIds(ids)),
    tagById: batchLoader((ids: readonly number[]) => services.tags.byIds(ids)),
    tagsByArticle: batchLoader((ids: readonly number[]) => services.tags.byArticles(ids)),
  }));
}

export type Loaders = ReturnType<typeof createLoaders>;

export interface Context {
  requestId: string;
  services: Services;
  loaders: Loaders;
  /** The signed-in user of the request's bearer token; null for readers. */
  viewer: User | null;
  /** The client's IP address (behind a proxy, as Fastify's trustProxy reads it): what flood control counts per. */
  clientAddress: string;
}

export function createContext(
  services: Services,
  requestId: string,
  loaderOptions: LoaderOptions,
  viewer: User | null,
  clientAddress = "unknown",
): Context {
  return { requestId, services, loaders: createLoaders(services, loaderOptions), viewer, clientAddress };
}
