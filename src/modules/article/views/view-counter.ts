import { DataSource, EntityManager } from "typeorm";
import { tags } from "../../../caching/cache-tags";
import { ContentChanged } from "../../../caching/content-changes";
import { isPostgres } from "../../../database/dialect";
import { inTransaction } from "../../../database/transaction";
import { Logger } from "../../../logger";
import { READ_WINDOWS, ReadWindow, bucketOf, windowStart } from "./read-window";

/** Distinct (window, article, bucket) counters waiting for a flush; past it new views are dropped until one succeeds. */
const MAX_PENDING = 100_000;

/** Rows per INSERT: 4 parameters each, well under SQLite's limit of 32,766. */
const ROWS_PER_STATEMENT = 250;

interface PendingRow {
  articleId: number;
  window: ReadWindow;
  bucketStart: number;
  views: number;
}

/**
 * The views this instance counted and has not written yet, and the
 * background flush that writes them: every `intervalMs`, one transaction
 * (on SQLite in the write queue, like every write) adds them to their
 * buckets in a few statements, however many readers there were, and
 * deletes the buckets that have left their window. So counting a view
 * never writes to the database, and a reader's page never waits for it.
 * A flush that fails keeps its views for the next one. A crash loses what
 * was counted since the last flush: at most `intervalMs` of this instance's
 * views. `stop()` flushes what is left, so a clean shutdown loses none.
 */
export class ViewCounter {
  private pending = new Map<string, PendingRow>();
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> = Promise.resolve();
  private dropping = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly contentChanged: ContentChanged,
    private readonly logger: Logger,
    private readonly intervalMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** One more reader of `articleId` in each of `windows`, at `atMs`. */
  add(articleId: number, windows: readonly ReadWindow[], atMs: number): void {
    for (const window of windows) this.addRow({ articleId, window, bucketStart: bucketOf(window, atMs), views: 1 });
  }

  start(): void {
    // unref: a pending flush never keeps the process alive on its own.
    this.timer = setInterval(() => this.tick(), this.intervalMs).unref();
  }

  /** Stops the interval, waits for a flush in flight, and writes what is left. */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.tick();
    await this.running;
  }

  /** Writes the pending views now; resolves with how many bucket rows it wrote (0: nothing was pending). */
  flush(): Promise<number> {
    const flushing = this.running.then(() => this.write());
    this.running = flushing.catch(() => undefined);
    return flushing;
  }

  private tick(): void {
    this.flush().catch((error: unknown) => this.logger.error({ err: error }, "view counts not flushed: kept for the next flush"));
  }

  private async write(): Promise<number> {
    if (this.pending.size === 0) return 0;
    const batch = [...this.pending.values()];
    this.pending = new Map();
    try {
      const written = await inTransaction(this.dataSource, (manager) => writeBuckets(manager, batch, this.now()));
      this.dropping = false;
      // Most-read lists and view counts change with no write of content: cached answers showing them go now.
      if (written > 0) await this.contentChanged(new Set([tags.mostRead]));
      return written;
    } catch (error) {
      for (const row of batch) this.addRow(row);
      throw error;
    }
  }

  private addRow(added: PendingRow): void {
    const key = `${added.window}:${added.articleId}:${added.bucketStart}`;
    const row = this.pending.get(key);
    if (row) row.views += added.views;
    else if (this.pending.size < MAX_PENDING) this.pending.set(key, { ...added });
    else this.warnDropping();
  }

  private warnDropping(): void {
    if (this.dropping) return;
    this.dropping = true;
    this.logger.warn({ pending: MAX_PENDING }, "views not counted: too many wait for a flush that does not succeed");
  }
}

/**
 * Adds `rows` to their buckets (ordered, so that concurrent flushes of
 * several instances lock rows in one order) and deletes the buckets that
 * have left their window. Rows of deleted articles, and of buckets already
 * out of their window (after a long outage), are left out.
 */
async function writeBuckets(manager: EntityManager, rows: PendingRow[], nowMs: number): Promise<number> {
  const starts = Object.fromEntries(READ_WINDOWS.map((window) => [window, windowStart(window, nowMs)])) as Record<ReadWindow, number>;
  const articleIds = [...new Set(rows.map((row) => row.articleId))];
  const existing = new Set<number>();
  for (let index = 0; index < articleIds.length; index += ROWS_PER_STATEMENT) {
    const found: { id: number }[] = await manager
      .createQueryBuilder()
      .select("article.id", "id")
      .from("article", "article")
      .where("article.id IN (:...ids)", { ids: articleIds.slice(index, index + ROWS_PER_STATEMENT) })
      .getRawMany();
    for (const { id } of found) existing.add(Number(id));
  }
  const kept = rows
    .filter((row) => existing.has(row.articleId) && row.bucketStart >= starts[row.window])
    .sort((a, b) => a.articleId - b.articleId || a.window.localeCompare(b.window) || a.bucketStart - b.bucketStart);
  const postgres = isPostgres(manager.connection);
  for (let index = 0; index < kept.length; index += ROWS_PER_STATEMENT) {
    const chunk = kept.slice(index, index + ROWS_PER_STATEMENT);
    const values = chunk.map((_, row) => `(${[0, 1, 2, 3].map((column) => (postgres ? `$${row * 4 + column + 1}` : "?")).join(", ")})`);
    await manager.query(
      `INSERT INTO article_view_bucket (article_id, read_window, bucket_start, views) VALUES ${values.join(", ")}
       ON CONFLICT (article_id, read_window, bucket_start) DO UPDATE SET views = article_view_bucket.views + excluded.views`,
      chunk.flatMap((row) => [row.articleId, row.window, row.bucketStart, row.views]),
    );
  }
  await manager
    .createQueryBuilder()
    .delete()
    .from("article_view_bucket")
    .where(READ_WINDOWS.map((window) => `(read_window = :${window}Window AND bucket_start < :${window}Start)`).join(" OR "))
    .setParameters(
      Object.fromEntries(
        READ_WINDOWS.flatMap((window) => [
          [`${window}Window`, window],
          [`${window}Start`, starts[window]],
        ]),
      ),
    )
    .execute();
  return kept.length;
}
