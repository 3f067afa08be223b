import { CommentStatus } from "../src/modules/comment/comment-status";
import { withDataSource } from "./bench-database";
import { BENCH_READER_EMAIL } from "./workloads";

/**
 * Takes away what a writing workload (W5) left in the bench database: the
 * comments the bench reader posted (the seed never uses that address) and,
 * with them, the article's count of them. Each run of a writing workload
 * starts from the seeded thread, so the target measured last does not pay
 * for the thousands of comments the ones before it wrote, and a ratio taken
 * today compares with one taken on a fresh bench database.
 */
export async function removeBenchWrites(databaseUrl: string): Promise<void> {
  // A literal rather than a parameter: placeholders differ between the two dialects (the address is a constant).
  const byBenchReader = `author_email = '${BENCH_READER_EMAIL}'`;
  // The count first, leaving out the bench's comments: a transaction that reads before it writes would fail
  // with SQLITE_BUSY if a server wrote meanwhile (its snapshot cannot become a write), where one that writes first waits.
  await withDataSource(databaseUrl, (dataSource) =>
    dataSource.transaction(async (manager) => {
      await manager.query(
        `UPDATE article SET comment_count = (SELECT COUNT(*) FROM comment
           WHERE comment.article_id = article.id AND comment.status = '${CommentStatus.APPROVED}' AND NOT ${byBenchReader})
         WHERE id IN (SELECT article_id FROM comment WHERE ${byBenchReader})`,
      );
      await manager.query(`DELETE FROM comment WHERE ${byBenchReader}`);
    }),
  );
}
