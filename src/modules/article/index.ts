import { defineModule } from "../feature-module";
import { ArticleSlug } from "./article-slug.entity";
import { ArticleAuthor } from "./byline/article-author.entity";
import { Article } from "./article.entity";
import { ArticleResolver } from "./article.resolver";
import { articleLoaders, articleServices } from "./article.services";
import { articleCacheTagRules } from "./cache-tag-rules";
import { articleReferences } from "./editing/article-references";
import { ArticleEditorResolver } from "./editing/article-editor.resolver";
import { ImageResolver } from "./images/image.resolver";
import { ArticleContentResolver } from "./content/content.resolver";
import { KeepReadingBlockResolver } from "./reading-path/keep-reading-block.resolver";
import { ownerFeedNestedPages, ownerFeedResolvers } from "./list/owner-feeds.resolver";
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
    ArticleContentResolver,
    ImageResolver,
    ...ownerFeedResolvers,
    ReadingPathResolver,
    KeepReadingBlockResolver,
    ArticleEditorResolver,
    ArticleRevisionsResolver,
    ArticleRevisionResolver,
    ArticlePreviewResolver,
    ViewsResolver,
    ArticleSeoFieldResolver,
    ArticleSeoResolver,
  ],
  subscriptions: [ArticlePublishedResolver],
  entities: [Article, ArticleAuthor, ArticleSlug, ArticleRevision, ArticleViewBucket],
  services: articleServices,
  loaders: articleLoaders,
  cacheTags: articleCacheTagRules,
  references: articleReferences,
  nestedPages: ownerFeedNestedPages,
});

export { Article } from "./article.entity";
export { ArticleAuthor } from "./byline/article-author.entity";
export { ArticleStatus } from "./article-status";
export { articlePolicy } from "./article-policy";
export { addCommentTags } from "./article-cache-tags";
export { prepareBody } from "./body/prepare-body";
export type { BodyBlock } from "./body/block-ids";
export { BlockBase } from "./content/block.types";
export { contentOf } from "./content/article-content";
export { PublicationScheduler } from "./publishing/publication-scheduler";
export type { ArticleContext, ArticleLoaders, ArticleServices } from "./article.services";
