import { ArticleSlug } from "../modules/article/article-slug.entity";
import { Article } from "../modules/article/article.entity";
import { ArticleRevision } from "../modules/article/revisions/article-revision.entity";
import { AuditEvent } from "../modules/user/audit/audit-event.entity";
import { Author } from "../modules/directory/author/author.entity";
import { Category } from "../modules/directory/category/category.entity";
import { Comment } from "../modules/comment/comment.entity";
import { CommentSubscription } from "../modules/comment/notification/comment-subscription.entity";
import { OutboxMessage } from "../outbox/outbox-message.entity";
import { IdempotencyKey } from "../shared/idempotency/idempotency-key.entity";
import { ArticleTag } from "../modules/directory/tag/article-tag.entity";
import { Tag } from "../modules/directory/tag/tag.entity";
import { LoginFailure } from "../modules/user/login-failure.entity";
import { User } from "../modules/user/user.entity";

export const entities = [Article, ArticleSlug, ArticleTag, AuditEvent, LoginFailure, Author, Category, Comment, Tag, User,
  CommentSubscription, IdempotencyKey, OutboxMessage, ArticleRevision];
