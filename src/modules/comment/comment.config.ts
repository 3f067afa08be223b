import { randomBytes } from "node:crypto";
import { RateLimit } from "../../rate-limit/rate-limiter";

/** `auto` approves a comment unless a spam signal fires; `all` holds every comment for an editor. */
export type ModerationPolicy = "auto" | "all";

/** How comments are taken in, moderated and notified; from the environment (`.env.example` lists it). */
export interface CommentSettings {
  moderation: ModerationPolicy;
  /** Per client address and per email, `COMMENT_RATE_LIMIT` as `5/60s`. */
  rateLimit: RateLimit;
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
  /** Where the links in notification emails point (confirm, unsubscribe). */
  publicUrl: string;
}

export const DEFAULT_COMMENT_SETTINGS: CommentSettings = {
  moderation: "auto",
  rateLimit: { limit: 5, windowMs: 60_000 },
  editWindowMs: 15 * 60_000,
  // Random per process unless set: tokens then die with the process and no other instance accepts them,
  // which a single development instance can live with and production cannot (see productionRefusal).
  tokenSecret: randomBytes(32).toString("hex"),
  blocklist: ["viagra", "casino", "crypto giveaway", "payday loan"],
  maxLinks: 2,
  floodLimit: { limit: 3, windowMs: 10 * 60_000 },
  publicUrl: "http://localhost:4000",
};

export function loadCommentSettings(env: NodeJS.ProcessEnv): CommentSettings {
  const defaults = DEFAULT_COMMENT_SETTINGS;
  return {
    moderation: parseModeration(env.COMMENT_MODERATION),
    rateLimit: env.COMMENT_RATE_LIMIT ? parseRateLimit("COMMENT_RATE_LIMIT", env.COMMENT_RATE_LIMIT) : defaults.rateLimit,
    editWindowMs: env.COMMENT_EDIT_WINDOW_MINUTES ? parseCount("COMMENT_EDIT_WINDOW_MINUTES", env.COMMENT_EDIT_WINDOW_MINUTES) * 60_000 : defaults.editWindowMs,
    tokenSecret: env.COMMENT_TOKEN_SECRET || productionRefusal(env) || defaults.tokenSecret,
    blocklist: env.COMMENT_BLOCKLIST ? env.COMMENT_BLOCKLIST.split(",").map((word) => word.trim().toLowerCase()).filter(Boolean) : defaults.blocklist,
    maxLinks: env.COMMENT_MAX_LINKS ? parseCount("COMMENT_MAX_LINKS", env.COMMENT_MAX_LINKS) : defaults.maxLinks,
    floodLimit: env.COMMENT_FLOOD_LIMIT ? parseRateLimit("COMMENT_FLOOD_LIMIT", env.COMMENT_FLOOD_LIMIT) : defaults.floodLimit,
    publicUrl: env.PUBLIC_URL || defaults.publicUrl,
  };
}

function parseModeration(raw: string | undefined): ModerationPolicy {
  if (!raw) return "auto";
  if (raw === "auto" || raw === "all") return raw;
  throw new Error(`COMMENT_MODERATION must be auto or all, got "${raw}"`);
}

const UNIT_MS: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000 };

/** `5/60s`, `20/1m`, `100/1h`: attempts per window. */
export function parseRateLimit(name: string, raw: string): RateLimit {
  const match = /^(\d+)\/(\d+)([smh])$/.exec(raw.trim());
  if (!match || Number(match[1]) < 1 || Number(match[2]) < 1) {
    throw new Error(`${name} must look like 5/60s (attempts/window in s, m or h), got "${raw}"`);
  }
  return { limit: Number(match[1]), windowMs: Number(match[2]) * UNIT_MS[match[3]] };
}

function parseCount(name: string, raw: string): number {
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a non-negative integer, got "${raw}"`);
  return value;
}

/** Production needs one token key shared by every instance, so an unset COMMENT_TOKEN_SECRET stops it starting. */
function productionRefusal(env: NodeJS.ProcessEnv): undefined {
  if (env.NODE_ENV === "production") throw new Error("COMMENT_TOKEN_SECRET must be set when NODE_ENV=production");
  return undefined;
}
