import { defineModule } from "../feature-module";
import { ArticleSlug } from "./article-slug.entity";
import { Article } from "./article.entity";
import { ArticleResolver } from "./article.resolver";
import { articleLoaders, articleServices } from "./article.services";
import { articleCacheTagRules } from "./cache-tag-rules";
import { articleReferences } from "./editing/article-references";
import { ArticleEditorResolver } from "./editing/article-editor.resolver";
import { ImageResolver } from "./images/image.resolver";
import { ownerFeedResolvers } from "./list/owner-feeds.resolver";
import { ArticlePreviewResolver } from "./preview/article-preview.resolver";
import { ArticlePublishedResolver } from "./publishing/article-published.resolver";
import { ReadingPathResolver } from "./reading-path/reading-path.resolver";
import { ArticleRevision } from "./revisions/article-revision.entity";
import { ArticleRevisionResolver } from "./revisions/article-revision.resolver";
import { ArticleRevisionsResolver } from "./revisions/article-revisions.resolver";
import { ArticleSeoFieldResolver, ArticleSeoResolver } from "./seo/article-seo.resolver";
import { ArticleViewBucket } from "./views/article-view-bucket.entity";
import { ViewsResolver } from "./views/views.resolver";

/**
 * Articles: the body, responsive images, lists and feeds, the reading path, editing with revisions, publishing, preview,
 * view counts ("Most read") and the page's SEO metadata.
 */
export const articleModule = defineModule({
  name: "article",
  resolvers: [
    ArticleResolver,
    ImageResolver,
    ...ownerFeedResolvers,
    ReadingPathResolver,
    ArticleEditorResolver,
    ArticleRevisionsResolver,
    ArticleRevisionResolver,
    ArticlePreviewResolver,
    ViewsResolver,
    ArticleSeoFieldResolver,
    ArticleSeoResolver,
  ],
  subscriptions: [ArticlePublishedResolver],
  entities: [Article, ArticleSlug, ArticleRevision, ArticleViewBucket],
  services: articleServices,
  loaders: articleLoaders,
  cacheTags: articleCacheTagRules,
  references: articleReferences,
});

export { Article } from "./article.entity";
export { ArticleStatus } from "./article-status";
export { articlePolicy } from "./article-policy";
export { addCommentTags } from "./article-cache-tags";
export { prepareBody } from "./body/prepare-body";
export type { BodyBlock } from "./body/block-ids";
export { PublicationScheduler } from "./publishing/publication-scheduler";
export type { ArticleContext, ArticleLoaders, ArticleServices } from "./article.services";
