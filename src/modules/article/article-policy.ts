import { ForbiddenError } from "../../shared/errors";
import { hasRole, Role, User } from "../user";
import { ArticleStatus } from "./article-status";
import { Article } from "./article.entity";

const messages = {
  edit: "You may edit only your own drafts.",
  publish: "You may publish, schedule or withdraw only your own articles.",
  byline: "Only editors may write under another author's byline.",
  status: "Only signed-in editors and authors may list articles that are not published.",
};

const isOwn = (user: User, article: Pick<Article, "authorId">) => user.authorId !== null && user.authorId === article.authorId;

/**
 * Who may do what to an article, beyond the role `@Authorized` checks:
 * EDITOR and above manage every article; an AUTHOR edits and publishes their
 * own; a CONTRIBUTOR edits their own drafts only.
 */
export const articlePolicy = {
  /** Drafts and scheduled articles are readable by those who may edit them (preview). */
  canRead(user: User, article: Pick<Article, "authorId">): boolean {
    return hasRole(user.role, Role.EDITOR) || isOwn(user, article);
  },

  /**
   * Which articles in a status other than PUBLISHED a list shows `viewer`:
   * editors all of them, authors and contributors their own (none without
   * a byline), readers none: FORBIDDEN, never an empty page that hides it.
   */
  listScope(viewer: User | null, status: ArticleStatus): "all" | { authorId: number | null } {
    if (!viewer) throw new ForbiddenError(messages.status, { field: "filter.status", status });
    return hasRole(viewer.role, Role.EDITOR) ? "all" : { authorId: viewer.authorId };
  },

  assertCanEdit(user: User, article: Article): void {
    if (hasRole(user.role, Role.EDITOR)) return;
    const mayEdit = isOwn(user, article) && (hasRole(user.role, Role.AUTHOR) || article.status === ArticleStatus.DRAFT);
    if (!mayEdit) throw new ForbiddenError(messages.edit);
  },

  assertCanPublish(user: User, article: Article): void {
    if (hasRole(user.role, Role.EDITOR)) return;
    if (!(hasRole(user.role, Role.AUTHOR) && isOwn(user, article))) throw new ForbiddenError(messages.publish);
  },

  assertCanWriteAs(user: User, authorId: number): void {
    if (!hasRole(user.role, Role.EDITOR) && user.authorId !== authorId) throw new ForbiddenError(messages.byline);
  },
};
