import "reflect-metadata";
import { GraphQLSchema, lexicographicSortSchema, printSchema } from "graphql";
import { DateTimeResolver } from "graphql-scalars";
import { buildSchemaSync } from "type-graphql";
import { ArticleEditorResolver } from "./modules/article/editing/article-editor.resolver";
import { ArticlePreviewResolver } from "./modules/article/preview/article-preview.resolver";
import { ArticlePublishedResolver } from "./modules/article/publishing/article-published.resolver";
import { ArticleResolver } from "./modules/article/article.resolver";
import { AuthorResolver } from "./modules/directory/author/author.resolver";
import { CategoryResolver } from "./modules/directory/category/category.resolver";
import { ArticleRevisionResolver } from "./modules/article/revisions/article-revision.resolver";
import { ArticleRevisionsResolver } from "./modules/article/revisions/article-revisions.resolver";
import { ReadingPathResolver } from "./modules/article/reading-path/reading-path.resolver";
import { CommentResolver } from "./modules/comment/comment.resolver";
import { ModerateCommentResolver } from "./modules/comment/moderation/moderate-comment.resolver";
import { CommentAddedResolver } from "./modules/comment/comment-added.resolver";
import { CommentWriterResolver } from "./modules/comment/writing/comment-writer.resolver";
import { InlineFeedbackResolver } from "./modules/comment/inline-feedback.resolver";
import { NotificationResolver } from "./modules/comment/notification/notification.resolver";
import { NO_TOPIC_PUBSUB } from "./realtime/no-topic-pubsub";
import { NodeResolver } from "./modules/node/node.resolver";
import { TagResolver } from "./modules/directory/tag/tag.resolver";
import { authChecker } from "./modules/user/auth-checker";
import { UserResolver } from "./modules/user/user.resolver";
import { UserAdminResolver } from "./modules/account/user-admin.resolver";
import { AuditResolver } from "./modules/user/audit/audit.resolver";
import { AuthorEditorResolver } from "./modules/directory/author/author-editing";
import { CategoryEditorResolver } from "./modules/directory/category/category-editing";
import { TagEditorResolver } from "./modules/directory/tag/tag-editing";

let schema: GraphQLSchema | undefined;

/** The executable schema, built once per process from the decorated classes. */
export function buildSchema(): GraphQLSchema {
  schema ??= buildSchemaSync({
    resolvers: [ArticleResolver, AuthorResolver, CategoryResolver, CommentResolver, NodeResolver, ReadingPathResolver, TagResolver,
      ArticleEditorResolver, UserResolver, CommentWriterResolver, CommentAddedResolver, InlineFeedbackResolver, NotificationResolver,
      ArticlePublishedResolver, ModerateCommentResolver, ArticleRevisionsResolver, ArticleRevisionResolver,
      ArticlePreviewResolver, AuthorEditorResolver, CategoryEditorResolver, TagEditorResolver, UserAdminResolver, AuditResolver],
    authChecker,
    scalarsMap: [{ type: Date, scalar: DateTimeResolver }],
    pubSub: NO_TOPIC_PUBSUB,
    validate: false,
  });
  return schema;
}

/** The SDL that `schema.graphql` must hold, sorted so that diffs stay readable. */
export function printContract(): string {
  return printSchema(lexicographicSortSchema(buildSchema())) + "\n";
}
