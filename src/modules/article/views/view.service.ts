import { createHash } from "node:crypto";
import { isbot } from "isbot";
import { DataSource } from "typeorm";
import { RateLimiter } from "../../../rate-limit/rate-limiter";
import { BadUserInputError, RateLimitedError } from "../../../shared/errors";
import { decodeGlobalIdOf } from "../../../shared/global-id";
import { ArticleStatus } from "../article-status";
import { ReadWindow, windowStart } from "./read-window";
import { readerOf } from "../../../shared/reader-key";
import { SeenReaders } from "./seen-readers";
import { ViewCounter } from "./view-counter";

const messages = {
  articleNotFound: "No published article has this id.",
};

/** What recordView knows of the request beyond its input. */
export interface ViewRequest {
  viewer: { id: number } | null;
  userAgent: string | undefined;
  clientAddress: string;
}

/** The alias of the derived table `(article_id, views)` that MOST_READ joins: `reads.views`. */
export const READS_ALIAS = "reads";

/**
 * Views of published articles: counting them (`record`, in memory or
 * Redis, flushed in the background by `ViewCounter`) and reading the
 * counts that have been flushed.
 */
export class ViewService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly seen: SeenReaders,
    private readonly counter: ViewCounter,
    private readonly limiter: RateLimiter,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * Counts a reader's view of an article in each window where that reader
   * was not counted lately; true when it counted in at least one. Not
   * counted, with no error: crawlers (by user agent, `isbot`'s list), and a
   * client address past VIEW_RATE_LIMIT. One indexed read (is the article
   * published?), no write.
   */
  async record(articleGlobalId: string, readerKey: string, request: ViewRequest): Promise<boolean> {
    const articleId = decodeGlobalIdOf("Article", articleGlobalId, "input.articleId");
    const reader = readerOf(request.viewer, readerKey, "input.readerKey")!;
    if (isbot(request.userAgent)) return false;
    if (!(await this.withinLimit(request.clientAddress))) return false;
    if (!(await this.isPublished(articleId))) throw new BadUserInputError(messages.articleNotFound, { field: "input.articleId" });
    const at = this.now();
    const windows = await this.seen.countIn(articleId, hashOf(reader), at);
    this.counter.add(articleId, windows, at);
    return windows.length > 0;
  }

  /** Each article's flushed views in `window`, in key order: one statement. */
  async counts(window: ReadWindow, articleIds: readonly number[]): Promise<number[]> {
    const rows: { article_id: number | string; views: number | string }[] = await this.dataSource
      .createQueryBuilder()
      .select("bucket.article_id", "article_id")
      .addSelect("SUM(bucket.views)", "views")
      .from("article_view_bucket", "bucket")
      .where("bucket.article_id IN (:...articleIds)", { articleIds })
      .andWhere("bucket.read_window = :readWindow AND bucket.bucket_start >= :readSince", { readWindow: window, readSince: windowStart(window, this.now()) })
      .groupBy("bucket.article_id")
      .getRawMany();
    const views = new Map(rows.map((row) => [Number(row.article_id), Number(row.views)]));
    return articleIds.map((id) => views.get(id) ?? 0);
  }

  /** The derived table of every article's views in `window` (articles without any are not in it), for the MOST_READ order to join. */
  readsTable(window: ReadWindow): { sql: string; parameters: Record<string, unknown> } {
    return {
      sql:
        "(SELECT bucket.article_id AS article_id, SUM(bucket.views) AS views FROM article_view_bucket bucket " +
        "WHERE bucket.read_window = :readWindow AND bucket.bucket_start >= :readSince GROUP BY bucket.article_id)",
      parameters: { readWindow: window, readSince: windowStart(window, this.now()) },
    };
  }

  private async withinLimit(clientAddress: string): Promise<boolean> {
    try {
      await this.limiter.attempt([`ip:${clientAddress}`]);
      return true;
    } catch (error) {
      if (error instanceof RateLimitedError) return false;
      throw error;
    }
  }

  private async isPublished(articleId: number): Promise<boolean> {
    const row = await this.dataSource
      .createQueryBuilder()
      .select("article.id", "id")
      .from("article", "article")
      .where("article.id = :articleId AND article.status = :published", { articleId, published: ArticleStatus.PUBLISHED })
      .getRawOne();
    return row != null;
  }
}

/** Readers are remembered by a hash: neither memory nor Redis keeps a user id or a client's key. */
function hashOf(reader: string): string {
  return createHash("sha256").update(reader).digest("base64url").slice(0, 22);
}
