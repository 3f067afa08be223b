import { randomBytes } from "node:crypto";
import { MailSettings } from "./mail";
import { parseInteger } from "./parse";
import { RateLimit, parseRateLimit } from "./rate-limit";

/** `auto` approves a comment unless a spam signal fires; `all` holds every comment for an editor. */
export type ModerationPolicy = "auto" | "all";

/** How comments are taken in, moderated and notified; from the environment (`.env.example` lists it). */
export interface CommentSettings {
  moderation: ModerationPolicy;
  /** Per client address and per email, `COMMENT_RATE_LIMIT` as `5/60s`. */
  rateLimit: RateLimit;
  /** Per client address and per reader, `COMMENT_VOTE_RATE_LIMIT`: a reader votes on many comments of a thread. */
  voteRateLimit: RateLimit;
  /** How long a guest's editToken lets them edit or delete their comment. */
  editWindowMs: number;
  /** Signs edit, confirmation and unsubscribe tokens; must be the same on every instance. */
  tokenSecret: string;
  /** Words that hold a comment for moderation, lower case. */
  blocklist: string[];
  /** More links than this in one comment hold it for moderation. */
  maxLinks: number;
  /** A commenter (by email) who already posted `limit` comments in `windowMs` is flooding: held. */
  floodLimit: RateLimit;
}

export const DEFAULT_COMMENT_SETTINGS: CommentSettings = {
  moderation: "auto",
  rateLimit: { limit: 5, windowMs: 60_000 },
  voteRateLimit: { limit: 30, windowMs: 60_000 },
  editWindowMs: 15 * 60_000,
  // Random per process unless set: tokens then die with the process and no other instance accepts them,
  // which a single development instance can live with and production cannot (see productionRefusal).
  tokenSecret: randomBytes(32).toString("hex"),
  blocklist: ["viagra", "casino", "crypto giveaway", "payday loan"],
  maxLinks: 2,
  floodLimit: { limit: 3, windowMs: 10 * 60_000 },
};

/** The environment's part of what the comment write path is built from (`CommentOptions` adds runtime objects); every field defaults. */
export interface CommentConfig {
  settings?: Partial<CommentSettings>;
  mail?: Partial<MailSettings>;
  /** Pub/sub and flood-control counters in Redis, shared by every instance. */
  redisUrl?: string;
}

export function loadCommentSettings(env: NodeJS.ProcessEnv): CommentSettings {
  const defaults = DEFAULT_COMMENT_SETTINGS;
  return {
    moderation: parseModeration(env.COMMENT_MODERATION),
    rateLimit: env.COMMENT_RATE_LIMIT ? parseRateLimit("COMMENT_RATE_LIMIT", env.COMMENT_RATE_LIMIT) : defaults.rateLimit,
    voteRateLimit: env.COMMENT_VOTE_RATE_LIMIT ? parseRateLimit("COMMENT_VOTE_RATE_LIMIT", env.COMMENT_VOTE_RATE_LIMIT) : defaults.voteRateLimit,
    editWindowMs: parseInteger("COMMENT_EDIT_WINDOW_MINUTES", env.COMMENT_EDIT_WINDOW_MINUTES, defaults.editWindowMs / 60_000) * 60_000,
    tokenSecret: env.COMMENT_TOKEN_SECRET || productionRefusal(env) || defaults.tokenSecret,
    blocklist: env.COMMENT_BLOCKLIST
      ? env.COMMENT_BLOCKLIST.split(",")
          .map((word) => word.trim().toLowerCase())
          .filter(Boolean)
      : defaults.blocklist,
    maxLinks: parseInteger("COMMENT_MAX_LINKS", env.COMMENT_MAX_LINKS, defaults.maxLinks),
    floodLimit: env.COMMENT_FLOOD_LIMIT ? parseRateLimit("COMMENT_FLOOD_LIMIT", env.COMMENT_FLOOD_LIMIT) : defaults.floodLimit,
  };
}

function parseModeration(raw: string | undefined): ModerationPolicy {
  if (!raw) return "auto";
  if (raw === "auto" || raw === "all") return raw;
  throw new Error(`COMMENT_MODERATION must be auto or all, got "${raw}"`);
}

/** Production needs one token key shared by every instance, so an unset COMMENT_TOKEN_SECRET stops it starting. */
function productionRefusal(env: NodeJS.ProcessEnv): undefined {
  if (env.NODE_ENV === "production") throw new Error("COMMENT_TOKEN_SECRET must be set when NODE_ENV=production");
  return undefined;
}
