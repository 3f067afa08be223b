import { tags } from "../../../caching/cache-tags";
import { ContentChanged, purgingAfter } from "../../../caching/content-changes";
import { WriteEvents } from "../../../outbox/write-events";
import { emitArticleEvent } from "../article-events";
import { addArticleTags } from "../article-cache-tags";
import { inTransaction, inTransactionRetryingKeyRaces } from "../../../database/transaction";
import { DataSource, EntityManager } from "typeorm";
import { IdempotencyKeys } from "../../../shared/idempotency/idempotency-keys";
import { BadUserInputError, NotFoundError } from "../../../shared/errors";
import { slugify } from "../../../shared/slug";
import { recordAudit, User } from "../../user";
import { decodeGlobalIdOf } from "../../../shared/global-id";
import { articleTags } from "../../directory";
import { CreateArticleInput, UpdateArticleInput } from "./article-editor.inputs";
import { LIMITS, existingCategoryId, existingTagIds, imageColumns } from "./article-fields";
import { checkText, optionalText } from "../../../shared/input-text";
import { articlePolicy } from "../article-policy";
import { retireSlug, uniqueSlug } from "./article-slugs";
import { ArticleStatus } from "../article-status";
import { Article } from "../article.entity";
import { BodyFormat, renderBody } from "../body/body-format";
import { ArticleChanges, updateAtVersion } from "./versioned-update";
import { blockColumns } from "./keep-reading-choice";
import { BodySource, recordRevision } from "../revisions/record-revision";
import { RevisionAction } from "../revisions/revision-action";
import { bylines, requestedByline } from "../byline/bylines";

const messages = {
  notFound: "No such article.",
  noByline: "Your account has no author profile: give authorIds.",
  pickItself: "An article cannot be its own Keep Reading pick.",
};

/**
 * Writes of articles by signed-in users: drafts, edits, deletion, the Keep
 * Reading pin. Each runs in one transaction with its derived fields, slug
 * history, tags and audit event; the role was checked by `@Authorized`,
 * ownership is checked here (`articlePolicy`).
 */
export class ArticleEditorService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly contentChanged: ContentChanged,
    /** Told `article.updated` and `article.unpublished` in the writes' transactions. */
    private readonly events: WriteEvents,
    /** READING_WORDS_PER_MINUTE: the speed `readingTimeMinutes` is derived at. */
    private readonly wordsPerMinute: number,
    private readonly idempotency = new IdempotencyKeys(),
  ) {}

  /** A new article is a draft, which no anonymous reader sees: nothing to purge. */
  create(user: User, input: CreateArticleInput): Promise<Article> {
    return inTransactionRetryingKeyRaces(this.dataSource, async (manager) => {
      const { id } = await this.idempotency.once(manager, `createArticle:${user.id}`, input.idempotencyKey, input, () => this.insert(manager, user, input));
      return this.reload(manager, id);
    });
  }

  private async insert(manager: EntityManager, user: User, input: CreateArticleInput): Promise<number> {
    const byline = (await requestedByline(manager, input)) ?? (user.authorId === null ? null : [user.authorId]);
    if (byline === null) throw new BadUserInputError(messages.noByline, { field: "input.authorIds" });
    articlePolicy.assertCanWriteAs(user, byline[0]);
    const title = checkText("input.title", input.title, { max: LIMITS.title });
    const now = new Date();
    const { identifiers } = await manager.insert(Article, {
      ...this.contentColumns(input),
      ...this.bodyColumns(input.body, input.bodyFormat ?? BodyFormat.MARKDOWN, input.keepReadingAfterBlockId, null),
      ...imageColumns(input.featuredImage, "input.featuredImage"),
      title,
      slug: await uniqueSlug(manager, title),
      status: ArticleStatus.DRAFT,
      publishedAt: null,
      firstPublishedAt: null,
      createdAt: now,
      updatedAt: now,
      version: 1,
      commentCount: 0,
      keepReadingId: null,
      authorId: byline[0],
      categoryId: await existingCategoryId(manager, input.categoryId, "input.categoryId"),
    });
    const id = identifiers[0].id as number;
    await bylines.replace(manager, id, byline);
    await this.replaceTags(manager, id, input.tagIds ?? []);
    await recordAudit(manager, user.id, "createArticle", "Article", id);
    return id;
  }

  update(user: User, input: UpdateArticleInput): Promise<Article> {
    const id = decodeGlobalIdOf("Article", input.id, "input.id");
    const source = input.body != null ? { text: input.body, format: input.bodyFormat ?? BodyFormat.MARKDOWN } : null;
    return purgingAfter(this.contentChanged, (changed) =>
      inTransactionRetryingKeyRaces(this.dataSource, (manager) => this.save(manager, user, id, input, RevisionAction.UPDATE, source, changed)),
    );
  }

  /**
   * The one write path of an article's content, in the caller's transaction:
   * `updateArticle`, and `restoreArticleRevision` with the revision's
   * content as the input. A save of a PUBLISHED article (and every restore)
   * keeps a revision, with `source` (the body as written) when there is
   * one; the audit event is named after the mutation. Adds to `changed`
   * what readers saw of the article before and see after.
   */
  async save(
    manager: EntityManager,
    user: User,
    id: number,
    input: UpdateArticleInput,
    action: RevisionAction,
    source: BodySource | null,
    changed: Set<string>,
  ): Promise<Article> {
    const article = await this.editable(manager, user, id);
    await addArticleTags(manager, id, changed);
    const changes: ArticleChanges = { ...this.contentColumns(input) };
    if (input.title != null) changes.title = checkText("input.title", input.title, { max: LIMITS.title });
    if (input.body != null) {
      Object.assign(
        changes,
        this.bodyColumns(input.body, input.bodyFormat ?? BodyFormat.MARKDOWN, input.keepReadingAfterBlockId, article.keepReadingAfterBlockId),
      );
    } else if (input.keepReadingAfterBlockId !== undefined) {
      Object.assign(changes, blockColumns(article.body, input.keepReadingAfterBlockId, article.keepReadingAfterBlockId));
    }
    if (input.featuredImage !== undefined) Object.assign(changes, imageColumns(input.featuredImage, "input.featuredImage"));
    if (input.categoryId != null) changes.categoryId = await existingCategoryId(manager, input.categoryId, "input.categoryId");
    const byline = await requestedByline(manager, { authorIds: input.authorIds });
    if (byline !== null) {
      articlePolicy.assertCanWriteAs(user, byline[0]);
      changes.authorId = byline[0];
    }
    const slug = await this.newSlug(manager, article, input);
    if (slug !== null) changes.slug = slug;
    await updateAtVersion(manager, id, input.version, changes);
    if (slug !== null && article.firstPublishedAt !== null) await retireSlug(manager, id, article.slug, slug);
    if (byline !== null) await bylines.replace(manager, id, byline);
    if (input.tagIds != null) await this.replaceTags(manager, id, input.tagIds);
    if (article.status === ArticleStatus.PUBLISHED || action === RevisionAction.RESTORE) await recordRevision(manager, user.id, id, action, source);
    await recordAudit(manager, user.id, action === RevisionAction.RESTORE ? "restoreArticleRevision" : "updateArticle", "Article", id);
    await addArticleTags(manager, id, changed);
    const saved = await this.reload(manager, id);
    if (saved.status === ArticleStatus.PUBLISHED) await emitArticleEvent(this.events, manager, "article.updated", saved);
    return saved;
  }

  delete(user: User, globalId: string): Promise<boolean> {
    const id = decodeGlobalIdOf("Article", globalId, "id");
    return purgingAfter(this.contentChanged, (changed) =>
      inTransaction(this.dataSource, async (manager) => {
        const article = await this.editable(manager, user, id);
        await addArticleTags(manager, id, changed);
        if (article.status === ArticleStatus.PUBLISHED) await emitArticleEvent(this.events, manager, "article.unpublished", article);
        await articleTags.replace(manager, id, []);
        await bylines.replace(manager, id, []);
        await manager.delete(Article, { id });
        await recordAudit(manager, user.id, "deleteArticle", "Article", id);
        return true;
      }),
    );
  }

  /** Sets (or with no pick, clears) the Keep Reading pin; the pick shows only while it is published. */
  pinKeepReading(user: User, articleGlobalId: string, pickGlobalId: string | null | undefined): Promise<Article> {
    const id = decodeGlobalIdOf("Article", articleGlobalId, "articleId");
    const pickId = pickGlobalId == null ? null : decodeGlobalIdOf("Article", pickGlobalId, "pickId");
    if (pickId === id) throw new BadUserInputError(messages.pickItself, { field: "pickId" });
    // The pin shows on the article's own page only (its Keep Reading and related articles).
    return purgingAfter(this.contentChanged, (changed) =>
      inTransaction(this.dataSource, async (manager) => {
        await this.editable(manager, user, id);
        changed.add(tags.article(id));
        if (pickId !== null && !(await manager.existsBy(Article, { id: pickId }))) {
          throw new BadUserInputError("pickId names no article.", { field: "pickId" });
        }
        await manager.update(Article, { id }, { keepReadingId: pickId, updatedAt: new Date(), version: () => "version + 1" });
        await recordAudit(manager, user.id, "pinKeepReading", "Article", id);
        return this.reload(manager, id);
      }),
    );
  }

  /** The article, when `user` may change it; NOT_FOUND when it does not exist, FORBIDDEN when it is not theirs. */
  async editable(manager: EntityManager, user: User, id: number): Promise<Article> {
    const article = await manager.findOneBy(Article, { id });
    if (!article) throw new NotFoundError(messages.notFound, { field: "id" });
    articlePolicy.assertCanEdit(user, article);
    return article;
  }

  reload(manager: EntityManager, id: number): Promise<Article> {
    return manager.findOneByOrFail(Article, { id });
  }

  private contentColumns(input: CreateArticleInput | UpdateArticleInput): ArticleChanges {
    const changes: ArticleChanges = {};
    if (input.subtitle !== undefined) changes.subtitle = optionalText(input.subtitle, "input.subtitle", LIMITS.subtitle);
    if (input.excerpt !== undefined) changes.editorExcerpt = optionalText(input.excerpt, "input.excerpt", LIMITS.excerpt);
    if (input.seoTitle !== undefined) changes.seoTitle = optionalText(input.seoTitle, "input.seoTitle", LIMITS.seoTitle);
    if (input.seoDescription !== undefined) changes.seoDescription = optionalText(input.seoDescription, "input.seoDescription", LIMITS.seoDescription);
    return changes;
  }

  /**
   * The body and everything derived from it, its blocks with Keep Reading
   * placed (see `blockColumns` for `keepReadingAfter` and `kept`),
   * computed here so it is written in the same statement.
   */
  private bodyColumns(body: string, format: BodyFormat, keepReadingAfter: string | null | undefined, kept: string | null) {
    const { html, blocks: _blocks, ...derived } = renderBody(checkText("input.body", body, { max: LIMITS.body }), format, this.wordsPerMinute);
    return { body: html, ...derived, ...blockColumns(html, keepReadingAfter, kept) };
  }

  /**
   * The slug an update moves the article to, or null to keep it: an explicit
   * `slug` always; a new title only before the first publication, after
   * which links to the article exist and the slug stays put.
   */
  private async newSlug(manager: EntityManager, article: Article, input: UpdateArticleInput): Promise<string | null> {
    const wanted = input.slug != null ? checkText("input.slug", input.slug, { max: LIMITS.title }) : article.firstPublishedAt === null ? input.title : null;
    if (wanted == null || slugify(wanted) === article.slug) return null;
    return uniqueSlug(manager, wanted, article.id);
  }

  private async replaceTags(manager: EntityManager, articleId: number, tagGlobalIds: string[]): Promise<void> {
    await articleTags.replace(manager, articleId, await existingTagIds(manager, tagGlobalIds, "input.tagIds"));
  }
}
