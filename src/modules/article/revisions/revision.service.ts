import { DataSource, EntityManager, In } from "typeorm";
import { ContentChanged, purgingAfter } from "../../../caching/content-changes";
import { inTransaction } from "../../../database/transaction";
import { inKeyOrder } from "../../../shared/batch";
import { rowHydrator } from "../../../database/row-hydrator";
import { NotFoundError } from "../../../shared/errors";
import { countByParent, fetchPagesByParent } from "../../../shared/pagination/fetch";
import { Page } from "../../../shared/pagination/page";
import { PageRequest } from "../../../shared/pagination/page-request";
import { ArticleEditorService } from "../editing/article-editor.service";
import { UpdateArticleInput } from "../editing/article-editor.inputs";
import { Article } from "../article.entity";
import { BodyFormat } from "../body/body-format";
import { decodeGlobalIdOf, encodeGlobalId } from "../../../shared/global-id";
import { Tag } from "../../directory";
import { User } from "../../user";
import { ArticleRevision, RevisionContent } from "./article-revision.entity";
import { RestoreArticleRevisionInput } from "./revision.inputs";
import { RevisionAction } from "./revision-action";

const messages = {
  noRevision: "The article has no such revision.",
};

/** Revisions of articles: the pages editors list, and restoring one through the article's write path. */
export class ArticleRevisionService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly editor: ArticleEditorService,
    private readonly contentChanged: ContentChanged,
  ) {}

  pagesByArticle(articleIds: readonly number[], request: PageRequest<ArticleRevision>): Promise<Page<ArticleRevision>[]> {
    return fetchPagesByParent([{ qb: this.revisions(), parentColumn: "revision.article_id" }], "revision", articleIds, request);
  }

  countByArticle(articleIds: readonly number[]): Promise<number[]> {
    return countByParent([{ qb: this.revisions(), parentColumn: "revision.article_id" }], articleIds);
  }

  /** With `articleAuthorId` set, for the visibility check of `node(id)`. */
  async byIds(ids: readonly number[]): Promise<(ArticleRevision | null)[]> {
    const raw = await this.revisions()
      .innerJoin(Article, "article", "article.id = revision.article_id")
      .addSelect("article.author_id", "article_author_id")
      .where("revision.id IN (:...ids)", { ids })
      .getRawMany();
    const hydrate = rowHydrator(this.dataSource, ArticleRevision, "revision");
    const rows = raw.map((row) => Object.assign(hydrate(row)!, { articleAuthorId: Number(row.article_author_id) }));
    return inKeyOrder(ids, rows, (revision) => revision.id);
  }

  /**
   * Writes a revision's content back through `ArticleEditorService.save`,
   * at the version the editor saw: the body is re-prepared (derived fields
   * recomputed), a stale version is a CONFLICT, a published article keeps
   * its slug, and the restore is itself recorded as a revision. Tags deleted
   * since the revision are left out.
   */
  restore(user: User, input: RestoreArticleRevisionInput): Promise<Article> {
    const articleId = decodeGlobalIdOf("Article", input.articleId, "input.articleId");
    const revisionId = decodeGlobalIdOf("ArticleRevision", input.revisionId, "input.revisionId");
    return purgingAfter(this.contentChanged, (changed) =>
      inTransaction(this.dataSource, async (manager) => {
        await this.editor.editable(manager, user, articleId);
        const revision = await manager.findOneBy(ArticleRevision, { id: revisionId, articleId });
        if (!revision) throw new NotFoundError(messages.noRevision, { field: "input.revisionId" });
        const { content } = revision;
        const update = await this.asUpdate(manager, input, content);
        const source = content.bodySource !== null && content.bodyFormat !== null ? { text: content.bodySource, format: content.bodyFormat } : null;
        return this.editor.save(manager, user, articleId, update, RevisionAction.RESTORE, source, changed);
      }),
    );
  }

  private async asUpdate(manager: EntityManager, input: RestoreArticleRevisionInput, content: RevisionContent): Promise<UpdateArticleInput> {
    const tags = content.tagIds.length === 0 ? [] : await manager.findBy(Tag, { id: In(content.tagIds) });
    return {
      id: input.articleId,
      version: input.version,
      title: content.title,
      subtitle: content.subtitle,
      excerpt: content.excerpt,
      seoTitle: content.seoTitle ?? null,
      seoDescription: content.seoDescription ?? null,
      body: content.body,
      bodyFormat: BodyFormat.HTML,
      categoryId: encodeGlobalId("Category", content.categoryId),
      tagIds: tags.map((tag) => encodeGlobalId("Tag", tag.id)),
      featuredImage: content.image,
    };
  }

  private revisions() {
    return this.dataSource.getRepository(ArticleRevision).createQueryBuilder("revision");
  }
}
