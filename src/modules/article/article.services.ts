import { RateLimiter } from "../../rate-limit/rate-limiter";
import { createImageUrls } from "../../images/create-image-urls";
import { LoaderFactory } from "../../shared/pagination/paged-loader";
import { DirectoryContext, DirectoryLoaders, DirectoryServices } from "../directory";
import { ServiceDeps } from "../feature-module";
import { UserLoaders, UserServices } from "../user";
import { createArticleLoaders } from "./article.loaders";
import { ContentBackfill } from "./content/content-backfill";
import { ArticleLookupService } from "./article-lookup.service";
import { ArticleService } from "./article.service";
import { ArticleEditorService } from "./editing/article-editor.service";
import { ResponsiveImages } from "./images/responsive-images";
import { ArticlePreviewService } from "./preview/article-preview.service";
import { ArticlePublisherService } from "./publishing/article-publisher.service";
import { ArticleSeoService } from "./seo/article-seo.service";
import { createReadingPathLoaders } from "./reading-path/reading-path.loaders";
import { ReadingPathService } from "./reading-path/reading-path.service";
import { createRevisionLoaders } from "./revisions/revision.loaders";
import { ArticleRevisionService } from "./revisions/revision.service";
import { FallbackSeenReaders, MemorySeenReaders, RedisSeenReaders, SeenReaders } from "./views/seen-readers";
import { ViewCounter } from "./views/view-counter";
import { ViewService } from "./views/view.service";
import { createViewLoaders } from "./views/views.loaders";

export function articleServices({
  dataSource,
  logger,
  articles: settings,
  contentChanged,
  events,
  pubsub,
  rateLimitStore,
  views,
  redisConnections,
  publisher,
  fragments,
  services,
}: ServiceDeps<UserServices & DirectoryServices>) {
  const seenReaders = seenReadersFor(views, redisConnections);
  const viewCounter = new ViewCounter(dataSource, contentChanged, logger, views.flushIntervalMs);
  const viewService = new ViewService(dataSource, seenReaders, viewCounter, new RateLimiter(rateLimitStore, views.rateLimit, "views"));
  const articles = new ArticleService(dataSource, viewService);
  const articleLookup = new ArticleLookupService(dataSource);
  const editor = new ArticleEditorService(dataSource, contentChanged, events, settings.readingWordsPerMinute);
  const images = new ResponsiveImages(createImageUrls(settings.images));
  return {
    articles,
    articleLookup,
    images,
    seo: new ArticleSeoService(images, services.urls, publisher),
    readingPath: new ReadingPathService(dataSource, articles, fragments),
    editor,
    revisions: new ArticleRevisionService(dataSource, editor, contentChanged),
    preview: new ArticlePreviewService(dataSource, services.signer, articleLookup),
    publisher: new ArticlePublisherService(dataSource, editor, pubsub, contentChanged, events),
    views: viewService,
    /** The views counted and not yet written: its flush is background work of the server (`startBackgroundWork`). */
    viewCounter,
    seenReaders,
    /** Derives the content of rows written before it existed: background work of the server (`startBackgroundWork`). */
    contentBackfill: new ContentBackfill(dataSource, logger),
    /** The event bus that subscriptions listen on. */
    pubsub,
  };
}

/** Redis when a URL is given, so that a reader counts once across instances, falling back to memory while it fails; else memory. */
function seenReadersFor(views: ServiceDeps["views"], connections: ServiceDeps["redisConnections"]): SeenReaders {
  if (!views.redisUrl) return new MemorySeenReaders();
  return new FallbackSeenReaders(new RedisSeenReaders(connections.open(views.redisUrl, "views"), `${views.keyPrefix}views:`), new MemorySeenReaders());
}

export function articleLoaders(services: ArticleServices, make: LoaderFactory) {
  return {
    ...createArticleLoaders(services.articles, make),
    ...createReadingPathLoaders(services.readingPath, make),
    ...createRevisionLoaders(services.revisions, make),
    ...createViewLoaders(services.views, make),
  };
}

export type ArticleServices = ReturnType<typeof articleServices>;
export type ArticleLoaders = ReturnType<typeof articleLoaders>;

export interface ArticleContext extends DirectoryContext {
  services: UserServices & DirectoryServices & ArticleServices;
  loaders: UserLoaders & DirectoryLoaders & ArticleLoaders;
}
