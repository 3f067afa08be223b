import "reflect-metadata";
import { config } from "../../../cli/environment";
import { createDataSource } from "../../../../ormconfig";
import { createCaching } from "../../../caching/create-caching";
import { UsageError, parseCommandLine } from "../../../cli/command-line";
import { explainDatabaseError } from "../../../cli/failures";
import { runCommand } from "../../../cli/run-command";
import { createLogger } from "../../../logger";
import { tryDecodeGlobalId } from "../../../shared/global-id";
import { createServices } from "../../../services";
import { CommentStatus } from "../comment-status";

const USAGE =
  "Usage: npm run comments:moderate -- --id COMMENT_ID --status APPROVED|PENDING|SPAM|DELETED\n" +
  "Moderates one comment in DATABASE_URL (its number or its global id); counts, notices and the live event follow.";

const COMMAND = { name: "npm run comments:moderate --", usage: USAGE, options: { id: { type: "string" }, status: { type: "string" } } } as const;

/**
 * `npm run comments:moderate`: an operator's moderation until the editorial
 * API's `moderateComment` exists; the same service, so counts, notices and
 * the live event (through Redis, when REDIS_URL reaches the servers') follow.
 */
async function main(): Promise<number> {
  const values = parseCommandLine(COMMAND);
  const id = commentIdOf(values.id);
  if (id === null) throw new UsageError(`${COMMAND.name} needs --id with a comment's number or global id${values.id ? `, got "${values.id}"` : ""}`);
  const status = Object.values(CommentStatus).find((candidate) => candidate === values.status);
  if (!status)
    throw new UsageError(`${COMMAND.name} needs --status ${Object.values(CommentStatus).join(", ")}${values.status ? `, got "${values.status}"` : ""}`);
  const logger = createLogger(config.logLevel, { format: config.logFormat });
  const dataSource = await createDataSource(config.databaseUrl, logger)
    .initialize()
    .catch((error: unknown) => {
      throw explainDatabaseError(error, config.databaseUrl);
    });
  // With REDIS_URL, the servers' shared response cache is purged; an in-memory one expires after its TTL.
  const caching = createCaching(config.caching, config.limits, logger, dataSource);
  const services = createServices(dataSource, {
    auth: config.auth,
    logger,
    comments: { ...config.comments, mail: { ...config.comments.mail, pollMs: 0 } },
    contentChanged: caching.contentChanged,
    urls: config.urls,
  });
  caching.cdnPurges?.deliverWith(services.outboxWorker);
  try {
    const comment = await services.commentModeration.moderate(id, status);
    logger.info({ commentId: comment.id, status: comment.status }, "comment moderated");
    await services.outboxWorker.drain();
    return 0;
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

runCommand(main);
