import { CommentSettings } from "../../../config";
import { CommentStatus } from "../comment-status";

/** Why a comment was held: each fires on its own. */
export type SpamSignal = "too-many-links" | "blocklisted-word" | "flood";

const LINK = /https?:\/\/|mailto:/gi;

/**
 * The spam signals of a comment: more links than `maxLinks` (written as
 * `<a href>` or as bare URLs alike), a blocklisted word or phrase, or a
 * flood (the commenter already posted `floodLimit.limit` comments in its
 * window).
 */
export function spamSignals(settings: CommentSettings, rawBody: string, recentByCommenter: number): SpamSignal[] {
  const signals: SpamSignal[] = [];
  if ((rawBody.match(LINK)?.length ?? 0) > settings.maxLinks) signals.push("too-many-links");
  const lower = rawBody.toLowerCase();
  if (settings.blocklist.some((word) => lower.includes(word))) signals.push("blocklisted-word");
  if (recentByCommenter >= settings.floodLimit.limit) signals.push("flood");
  return signals;
}

/**
 * The policy (`COMMENT_MODERATION`): `all` holds every comment for an
 * editor; `auto` approves unless a spam signal fires.
 */
export function initialStatus(settings: CommentSettings, signals: SpamSignal[]): CommentStatus {
  if (settings.moderation === "all" || signals.length > 0) return CommentStatus.PENDING;
  return CommentStatus.APPROVED;
}
