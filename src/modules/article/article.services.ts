import { createImageUrls } from "../../images/create-image-urls";
import { LoaderFactory } from "../../shared/pagination/paged-loader";
import { DirectoryContext, DirectoryLoaders, DirectoryServices } from "../directory";
import { ServiceDeps } from "../feature-module";
import { UserLoaders, UserServices } from "../user";
import { createArticleLoaders } from "./article.loaders";
import { ArticleLookupService } from "./article-lookup.service";
import { ArticleService } from "./article.service";
import { ArticleEditorService } from "./editing/article-editor.service";
import { ResponsiveImages } from "./images/responsive-images";
import { ArticlePreviewService } from "./preview/article-preview.service";
import { ArticlePublisherService } from "./publishing/article-publisher.service";
import { createReadingPathLoaders } from "./reading-path/reading-path.loaders";
import { ReadingPathService } from "./reading-path/reading-path.service";
import { createRevisionLoaders } from "./revisions/revision.loaders";
import { ArticleRevisionService } from "./revisions/revision.service";

export function articleServices({ dataSource, articles: settings, contentChanged, pubsub, services }: ServiceDeps<UserServices>) {
  const articles = new ArticleService(dataSource);
  const articleLookup = new ArticleLookupService(dataSource);
  const editor = new ArticleEditorService(dataSource, contentChanged, settings.readingWordsPerMinute);
  return {
    articles,
    articleLookup,
    images: new ResponsiveImages(createImageUrls(settings.images)),
    readingPath: new ReadingPathService(dataSource, articles),
    editor,
    revisions: new ArticleRevisionService(dataSource, editor, contentChanged),
    preview: new ArticlePreviewService(services.signer, articleLookup),
    publisher: new ArticlePublisherService(dataSource, editor, pubsub, contentChanged),
    /** The event bus that subscriptions listen on. */
    pubsub,
  };
}

export function articleLoaders(services: ArticleServices, make: LoaderFactory) {
  return {
    ...createArticleLoaders(services.articles, make),
    ...createReadingPathLoaders(services.readingPath, make),
    ...createRevisionLoaders(services.revisions, make),
  };
}

export type ArticleServices = ReturnType<typeof articleServices>;
export type ArticleLoaders = ReturnType<typeof articleLoaders>;

export interface ArticleContext extends DirectoryContext {
  services: UserServices & DirectoryServices & ArticleServices;
  loaders: UserLoaders & DirectoryLoaders & ArticleLoaders;
}
