import "reflect-metadata";
import { parseArgs } from "node:util";
import { createDataSource } from "../../../ormconfig";
import { createCaching } from "../../caching/create-caching";
import { loadConfig } from "../../config";
import { createLogger } from "../../logger";
import { tryDecodeGlobalId } from "../node/global-id";
import { createCommentServices } from "./comment-services";
import { CommentStatus } from "./comment-status";

const USAGE = "npm run comments:moderate -- --id <comment id or global id> --status APPROVED|PENDING|SPAM|DELETED";

/**
 * `npm run comments:moderate`: an operator's moderation until the editorial
 * API's `moderateComment` exists; the same service, so counts, notices and
 * the live event (through Redis, when REDIS_URL reaches the servers') follow.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({ options: { id: { type: "string" }, status: { type: "string" } } });
  const status = Object.values(CommentStatus).find((candidate) => candidate === values.status);
  const id = commentIdOf(values.id);
  if (!status || id === null) throw new Error(USAGE);
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const dataSource = await createDataSource(config.databaseUrl, logger).initialize();
  // With REDIS_URL, the servers' shared response cache is purged; an in-memory one expires after its TTL.
  const caching = createCaching(config.caching, config.limits, logger, dataSource);
  const services = createCommentServices(dataSource, logger, { ...config.comments, mail: { ...config.comments.mail, pollMs: 0 } }, caching.contentChanged);
  caching.cdnPurges?.deliverWith(services.outboxWorker);
  try {
    const comment = await services.commentModeration.moderate(id, status);
    logger.info({ commentId: comment.id, status: comment.status }, "comment moderated");
    await services.outboxWorker.drain();
  } finally {
    await services.closeComments();
    await caching.close();
    await dataSource.destroy();
  }
}

function commentIdOf(raw: string | undefined): number | null {
  if (!raw) return null;
  if (/^[1-9][0-9]*$/.test(raw)) return Number(raw);
  const decoded = tryDecodeGlobalId(raw);
  return decoded?.type === "Comment" ? decoded.id : null;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
