import { ContentChanged, purgingAfter } from "../../../caching/content-changes";
import { addArticleTags } from "../article-cache-tags";
import { inTransaction } from "../../../database/transaction";
import { WriteEvents } from "../../../outbox/write-events";
import { emitArticleEvent, statusEventOf } from "../article-events";
import { DataSource } from "typeorm";
import { BadUserInputError } from "../../../shared/errors";
import { recordAudit, User } from "../../user";
import { decodeGlobalIdOf } from "../../../shared/global-id";
import { PubSub } from "../../../realtime/pubsub";
import { articlePublishedTopic } from "./article-published";
import { ArticleEditorService } from "../editing/article-editor.service";
import { articlePolicy } from "../article-policy";
import { ArticleStatus } from "../article-status";
import { Article } from "../article.entity";
import { ArticleChanges, updateAtVersion } from "../editing/versioned-update";
import { recordRevision } from "../revisions/record-revision";
import { RevisionAction } from "../revisions/revision-action";

export type Transition = "publishArticle" | "scheduleArticle" | "unpublishArticle" | "archiveArticle";

/** The statuses each transition starts from. */
const FROM: Record<Transition, ArticleStatus[]> = {
  publishArticle: [ArticleStatus.DRAFT, ArticleStatus.SCHEDULED, ArticleStatus.ARCHIVED],
  scheduleArticle: [ArticleStatus.DRAFT, ArticleStatus.SCHEDULED],
  unpublishArticle: [ArticleStatus.PUBLISHED, ArticleStatus.SCHEDULED, ArticleStatus.ARCHIVED],
  archiveArticle: [ArticleStatus.PUBLISHED],
};

/**
 * Moves articles between statuses: by hand through the mutations, each at
 * the version the editor saw, and by the scheduler when a SCHEDULED article
 * falls due, claimed with a conditional UPDATE so that when several
 * instances run, exactly one publishes it.
 */
export class ArticlePublisherService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly editor: ArticleEditorService,
    private readonly pubsub: PubSub,
    private readonly contentChanged: ContentChanged,
    /** Told `article.published` and `article.unpublished` in the transitions' transactions. */
    private readonly events: WriteEvents,
  ) {}

  async transition(user: User, transition: Transition, globalId: string, version: number, publishAt?: Date): Promise<Article> {
    const id = decodeGlobalIdOf("Article", globalId, "id");
    const article = await purgingAfter(this.contentChanged, (changed) =>
      inTransaction(this.dataSource, async (manager) => {
        const current = await this.editor.editable(manager, user, id);
        await addArticleTags(manager, id, changed);
        articlePolicy.assertCanPublish(user, current);
        if (!FROM[transition].includes(current.status)) {
          throw new BadUserInputError(`${transition} does not apply to a ${current.status} article.`, { field: "id", status: current.status });
        }
        const changes = changesFor(transition, current, publishAt);
        await updateAtVersion(manager, id, version, changes);
        if (changes.status === ArticleStatus.PUBLISHED) await recordRevision(manager, user.id, id, RevisionAction.PUBLISH);
        await recordAudit(manager, user.id, transition, "Article", id);
        await addArticleTags(manager, id, changed);
        const moved = await this.editor.reload(manager, id);
        const event = statusEventOf(current.status, moved.status);
        if (event) await emitArticleEvent(this.events, manager, event, moved);
        return moved;
      }),
    );
    if (article.status === ArticleStatus.PUBLISHED) await this.announce(article);
    return article;
  }

  /**
   * Publishes every SCHEDULED article whose time has come. Each is claimed by
   * `UPDATE … WHERE id = ? AND status = 'SCHEDULED'`: of several instances
   * racing for it, the database lets one UPDATE match, and only that
   * instance records and announces the publication.
   */
  async publishDue(now = new Date()): Promise<Article[]> {
    const due = await this.dataSource
      .getRepository(Article)
      .createQueryBuilder("article")
      .select("article.id", "id")
      .where("article.status = :scheduled AND article.published_at <= :now", { scheduled: ArticleStatus.SCHEDULED, now })
      .orderBy("article.published_at")
      .limit(100)
      .getRawMany<{ id: number }>();
    const published: Article[] = [];
    // One purge for the batch, of what was committed even if a later claim fails.
    const changed = new Set<string>();
    try {
      for (const { id } of due) {
        const article = await this.claim(Number(id), now, changed);
        if (article) published.push(article);
      }
    } finally {
      if (changed.size > 0) await this.contentChanged(changed);
    }
    for (const article of published) await this.announce(article);
    return published;
  }

  private claim(id: number, now: Date, changed: Set<string>): Promise<Article | null> {
    return inTransaction(this.dataSource, async (manager) => {
      const result = await manager
        .createQueryBuilder()
        .update(Article)
        .set({
          status: ArticleStatus.PUBLISHED,
          updatedAt: now,
          version: () => "version + 1",
          firstPublishedAt: () => "COALESCE(first_published_at, published_at)",
        })
        .where("id = :id AND status = :scheduled", { id, scheduled: ArticleStatus.SCHEDULED })
        .execute();
      if (result.affected !== 1) return null;
      await recordRevision(manager, null, id, RevisionAction.PUBLISH);
      await recordAudit(manager, null, "publishScheduled", "Article", id);
      await addArticleTags(manager, id, changed);
      const published = await this.editor.reload(manager, id);
      await emitArticleEvent(this.events, manager, "article.published", published);
      return published;
    });
  }

  /** `articlePublished`, sent after the commit as `PubSub` requires. */
  private announce(article: Article): Promise<void> {
    return this.pubsub.publish(articlePublishedTopic, { articleId: article.id, categoryId: article.categoryId });
  }
}

function changesFor(transition: Transition, current: Article, publishAt: Date | undefined): ArticleChanges {
  const now = new Date();
  switch (transition) {
    case "publishArticle":
      return { status: ArticleStatus.PUBLISHED, publishedAt: now, firstPublishedAt: current.firstPublishedAt ?? now };
    case "scheduleArticle":
      if (!publishAt || publishAt.getTime() <= now.getTime()) {
        throw new BadUserInputError("publishAt must be in the future; publish now with publishArticle.", { field: "publishAt" });
      }
      return { status: ArticleStatus.SCHEDULED, publishedAt: publishAt };
    case "unpublishArticle":
      return { status: ArticleStatus.DRAFT, publishedAt: null };
    case "archiveArticle":
      return { status: ArticleStatus.ARCHIVED };
  }
}
