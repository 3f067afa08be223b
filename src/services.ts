import { DataSource } from "typeorm";
import { ContentChanged, nothingToPurge } from "./caching/content-changes";
import { AuthConfig, DEVELOPMENT_AUTH } from "./config";
import { ArticleEditorService } from "./modules/article/editing/article-editor.service";
import { ArticlePreviewService } from "./modules/article/preview/article-preview.service";
import { ArticlePublisherService } from "./modules/article/publishing/article-publisher.service";
import { ArticleService } from "./modules/article/article.service";
import { ArticleRevisionService } from "./modules/article/revisions/revision.service";
import { ReadingPathService } from "./modules/article/reading-path/reading-path.service";
import { Author } from "./modules/directory/author/author.entity";
import { Category } from "./modules/directory/category/category.entity";
import { CommentService } from "./modules/comment/comment.service";
import { CommentOptions, createCommentServices } from "./modules/comment/comment-services";
import { Logger, createLogger } from "./logger";
import { TagService } from "./modules/directory/tag/tag.service";
import { AuthService } from "./modules/user/auth.service";
import { DEFAULT_THROTTLE, LoginThrottle } from "./modules/user/login-throttle";
import { TokenSigner } from "./modules/user/token-signer";
import { UserService } from "./modules/user/user.service";
import { UserAdminService } from "./modules/account/user-admin.service";
import { AuditService } from "./modules/user/audit/audit.service";
import { NamedEntityService } from "./modules/directory/named-entity.service";
import { authorKind } from "./modules/directory/author/author-editing";
import { categoryKind } from "./modules/directory/category/category-editing";
import { tagKind } from "./modules/directory/tag/tag-editing";
import { TaxonomyEditor } from "./modules/directory/editing/taxonomy-editor.service";

const silentLogger = createLogger("silent");

/**
 * Every service, wired once per process; only the context is per request.
 * `contentChanged` purges the anonymous response cache: every write path of
 * visible content calls `services.contentChanged()` after its commit.
 */
export function createServices(
  dataSource: DataSource,
  auth: AuthConfig = DEVELOPMENT_AUTH,
  logger?: Logger,
  comments: CommentOptions = {},
  contentChanged: ContentChanged = nothingToPurge,
) {
  const articles = new ArticleService(dataSource);
  const editor = new ArticleEditorService(dataSource, contentChanged);
  const commentServices = createCommentServices(dataSource, logger ?? silentLogger, comments, contentChanged);
  const signer = new TokenSigner(auth.secret);
  const users = new UserService(dataSource);
  return {
    articles,
    readingPath: new ReadingPathService(dataSource, articles),
    authors: new NamedEntityService(dataSource, Author, "authors"),
    categories: new NamedEntityService(dataSource, Category, "categories"),
    tags: new TagService(dataSource),
    comments: new CommentService(dataSource),
    ...commentServices,
    editor,
    revisions: new ArticleRevisionService(dataSource, editor, contentChanged),
    preview: new ArticlePreviewService(signer, editor),
    publisher: new ArticlePublisherService(dataSource, editor, commentServices.pubsub, contentChanged),
    authorEditor: new TaxonomyEditor(dataSource, authorKind, contentChanged),
    categoryEditor: new TaxonomyEditor(dataSource, categoryKind, contentChanged),
    tagEditor: new TaxonomyEditor(dataSource, tagKind, contentChanged),
    users,
    userAdmin: new UserAdminService(dataSource, users),
    audit: new AuditService(dataSource),
    contentChanged,
    auth: new AuthService(dataSource, signer, new LoginThrottle(dataSource, DEFAULT_THROTTLE), auth.sessionSeconds),
  };
}

export type Services = ReturnType<typeof createServices>;
