import { createArticleLoaders } from "./modules/article/article.loaders";
import { createReadingPathLoaders } from "./modules/article/reading-path/reading-path.loaders";
import { createCommentLoaders } from "./modules/comment/comment.loaders";
import { createRevisionLoaders } from "./modules/article/revisions/revision.loaders";
import { User } from "./modules/user/user.entity";
import { Services } from "./services";
import { Deadline } from "./shared/deadline";
import { LoaderFactory, LoaderOptions } from "./shared/pagination/paged-loader";

/** Fresh per request: loaders cache only for the request that made them, and stop at its deadline. */
export function createLoaders(services: Services, options: LoaderOptions, deadline: Deadline = Deadline.NONE) {
  const make = new LoaderFactory(options, deadline);
  return {
    ...createArticleLoaders(services.articles, make),
    ...createReadingPathLoaders(services.readingPath, make),
    ...createCommentLoaders(services.comments, make),
    ...createRevisionLoaders(services.revisions, make),
    authorById: make.batch((ids: readonly number[]) => services.authors.byIds(ids)),
    categoryById: make.batch((ids: readonly number[]) => services.categories.byIds(ids)),
    tagById: make.batch((ids: readonly number[]) => services.tags.byIds(ids)),
    tagsByArticle: make.batch((ids: readonly number[]) => services.tags.byArticles(ids)),
    userById: make.batch((ids: readonly number[]) => services.users.byIds(ids)),
  };
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
  /** The request's time budget (`EXECUTION_TIMEOUT_MS`); long work checks it between statements. */
  deadline: Deadline;
  /** The cache tags of what the answer shows, collected as fields resolve (`caching/answer-tags.ts`). */
  cacheTags: Set<string>;
}

export function createContext(
  services: Services,
  requestId: string,
  loaderOptions: LoaderOptions,
  viewer: User | null,
  clientAddress = "unknown",
  deadline: Deadline = Deadline.NONE,
  cacheTags: Set<string> = new Set(),
): Context {
  return { requestId, services, loaders: createLoaders(services, loaderOptions, deadline), viewer, clientAddress, deadline, cacheTags };
}
