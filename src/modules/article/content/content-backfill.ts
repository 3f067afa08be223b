import { DataSource, IsNull } from "typeorm";
import { Logger } from "../../../logger";
import { Article } from "../article.entity";
import { contentOf } from "./article-content";

/** Rows derived per transaction: small enough that a batch never holds SQLite's writer for long. */
const BATCH_SIZE = 100;

/**
 * Derives `content` for rows that were written before it existed (it is
 * null there), oldest id first, a batch per transaction. `start` runs the
 * first batch before the server serves and the rest in the background;
 * reads derive the content of rows not reached yet (`ArticleContentResolver`),
 * so a page never waits for it. Instances that start together do the same
 * work twice at worst: an update writes only a row still null, with the same
 * result.
 */
export class ContentBackfill {
  private running: Promise<void> = Promise.resolve();
  private stopping = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly logger: Logger,
    private readonly batchSize = BATCH_SIZE,
  ) {}

  async start(): Promise<void> {
    this.stopping = false;
    const last = await this.batch(0);
    if (last !== null) this.running = this.rest(last);
  }

  /** Waits for the batch in flight and runs no more. */
  async stop(): Promise<void> {
    this.stopping = true;
    await this.running;
  }

  /** Every row still without content, to the end: what `start` does in the background. Returns how many rows it derived. */
  async runToEnd(): Promise<number> {
    let derived = 0;
    const count = (rows: number) => (derived += rows);
    for (let next = await this.batch(0, count); next !== null; next = await this.batch(next, count));
    return derived;
  }

  private async rest(after: number): Promise<void> {
    try {
      for (let next: number | null = after; next !== null && !this.stopping;) next = await this.batch(next);
    } catch (error) {
      this.logger.warn({ err: error }, "deriving the content of older articles stopped; reads derive what is missing");
    }
  }

  /** Derives the content of the next batch after id `after`; returns the last id when more may follow, else null. */
  private async batch(after: number, counted?: (count: number) => void): Promise<number | null> {
    const repository = this.dataSource.getRepository(Article);
    const rows = await repository
      .createQueryBuilder("article")
      .select(["article.id", "article.body", "article.keepReadingAfterBlockId"])
      .where("article.content IS NULL")
      .andWhere("article.id > :after", { after })
      .orderBy("article.id")
      .limit(this.batchSize)
      .getMany();
    if (rows.length === 0) return null;
    await this.dataSource.transaction(async (manager) => {
      for (const row of rows) {
        await manager.update(Article, { id: row.id, content: IsNull() }, { content: contentOf(row.body, row.keepReadingAfterBlockId) });
      }
    });
    counted?.(rows.length);
    this.logger.info({ articles: rows.length, lastId: rows[rows.length - 1].id }, "derived the content of older articles");
    return rows.length < this.batchSize ? null : rows[rows.length - 1].id;
  }
}
