import { Column, Entity, PrimaryColumn } from "typeorm";
import { ReadWindow } from "./read-window";

/**
 * The readers an article had in one bucket of one window (see
 * `WINDOW_MINUTES`): a window's count is the sum of its recent buckets.
 * Each window keeps buckets of its own because "once per reader" is per
 * window: a reader back the next day counts again in DAY, not in WEEK.
 * Written only by the view flush, which adds to the row and deletes the
 * buckets that have left their window.
 */
@Entity("article_view_bucket")
export class ArticleViewBucket {
  @PrimaryColumn({ name: "article_id", type: "integer" })
  articleId: number;

  @PrimaryColumn({ name: "read_window", type: "varchar", length: 8 })
  readWindow: ReadWindow;

  /** Minutes since the epoch (UTC) at which the bucket starts. */
  @PrimaryColumn({ name: "bucket_start", type: "integer" })
  bucketStart: number;

  @Column({ type: "integer" })
  views: number;
}
