import { DataSource, SelectQueryBuilder } from "typeorm";
import { reuseSqlText } from "../../database/sql-text-cache";
import { inKeyOrder } from "../../shared/batch";
import { countByParent, fetchPagesByParent } from "../../shared/pagination/fetch";
import { Page } from "../../shared/pagination/page";
import { PageRequest } from "../../shared/pagination/page-request";
import { ArticleStatus } from "../article";
import { commentPageShape } from "./comment-page-shape";
import { CommentStatus } from "./comment-status";
import { Comment } from "./comment.entity";

/** Reads of approved comments on published articles: what every reader may see. */
export class CommentService {
  constructor(private readonly dataSource: DataSource) {}

  async byIds(ids: readonly number[]): Promise<(Comment | null)[]> {
    const rows = await this.visible()
      .innerJoin("article", "article", "article.id = comment.article_id AND article.status = :published", {
        published: ArticleStatus.PUBLISHED,
      })
      .andWhere("comment.id IN (:...ids)", { ids })
      .getMany();
    return inKeyOrder(ids, rows, (comment) => comment.id);
  }

  /** Top-level comments of each article. */
  pagesByArticle(articleIds: readonly number[], request: PageRequest<Comment>): Promise<Page<Comment>[]> {
    return fetchPagesByParent([{ qb: this.topLevel(), parentColumn: "comment.article_id" }], "comment", articleIds, request, commentPageShape(request.fields));
  }

  countByArticle(articleIds: readonly number[]): Promise<number[]> {
    return countByParent([{ qb: this.topLevel(), parentColumn: "comment.article_id" }], articleIds);
  }

  /** Direct replies to each comment. */
  pagesByParent(commentIds: readonly number[], request: PageRequest<Comment>): Promise<Page<Comment>[]> {
    return fetchPagesByParent([{ qb: this.visible(), parentColumn: "comment.parent_id" }], "comment", commentIds, request, commentPageShape(request.fields));
  }

  countByParent(commentIds: readonly number[]): Promise<number[]> {
    return countByParent([{ qb: this.visible(), parentColumn: "comment.parent_id" }], commentIds);
  }

  /** Each article's approved comments pinned to a passage, replies included. */
  inlineFeedbackPages(articleIds: readonly number[], request: PageRequest<Comment>): Promise<Page<Comment>[]> {
    return fetchPagesByParent(
      [{ qb: this.inlineFeedback(), parentColumn: "comment.article_id" }],
      "comment",
      articleIds,
      request,
      commentPageShape(request.fields),
    );
  }

  countInlineFeedback(articleIds: readonly number[]): Promise<number[]> {
    return countByParent([{ qb: this.inlineFeedback(), parentColumn: "comment.article_id" }], articleIds);
  }

  /** Each article's approved inline feedback counted by the block it is pinned to: one grouped statement for every article. */
  async countInlineFeedbackByBlock(articleIds: readonly number[]): Promise<Map<string, number>[]> {
    const rows: { article_id: number | string; block_id: string; count: number | string }[] = await reuseSqlText(
      this.inlineFeedback()
        .select("comment.article_id", "article_id")
        .addSelect("comment.anchor_block_id", "block_id")
        .addSelect("COUNT(*)", "count")
        .andWhere("comment.article_id IN (:...articleIds)", { articleIds })
        .groupBy("comment.article_id")
        .addGroupBy("comment.anchor_block_id"),
    ).getRawMany();
    const byArticle = new Map(articleIds.map((id) => [id, new Map<string, number>()]));
    for (const row of rows) byArticle.get(Number(row.article_id))?.set(row.block_id, Number(row.count));
    return articleIds.map((id) => byArticle.get(id) ?? new Map<string, number>());
  }

  private inlineFeedback(): SelectQueryBuilder<Comment> {
    return this.visible().andWhere("comment.anchor_block_id IS NOT NULL");
  }

  private visible(): SelectQueryBuilder<Comment> {
    return this.dataSource.getRepository(Comment).createQueryBuilder("comment").where("comment.status = :approved", { approved: CommentStatus.APPROVED });
  }

  private topLevel(): SelectQueryBuilder<Comment> {
    return this.visible().andWhere("comment.parent_id IS NULL");
  }
}
