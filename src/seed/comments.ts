import { Comment, CommentStatus } from "../modules/comment";
import { slugify } from "../shared/slug";
import { BodyBlock } from "../modules/article";
import { escapeHtml } from "./html";
import { personName } from "./people";
import { Random } from "./random";
import { COMMENTS, REPLIES, SPAM } from "./vocabulary";

/** Distinct readers who comment, each with one name and email across articles. */
const COMMENTERS = 5000;
/** Replies to replies at most, as most comment systems show them. */
const MAX_DEPTH = 2;
const REPLY_SHARE = 0.35;
/** Inline feedback: top-level comments pinned to a passage of the article. */
const ANCHOR_SHARE = 0.1;
const THREAD_SECONDS = 14 * 24 * 3600;

/** Seeded comments have no votes: the vote columns keep their defaults. */
export type CommentRow = Omit<Comment, "id" | "globalId" | "anchor" | "articleId" | "parentId" | "upvotes" | "downvotes" | "netVotes" | "wilsonLowerBound">;

export interface GeneratedComment {
  row: CommentRow;
  /** The parent's position in the same list, always earlier; null at the top level. */
  parentIndex: number | null;
  /** 0 at the top level, 1 for a reply, 2 for a reply to a reply. */
  depth: number;
}

export interface ThreadContext {
  publishedAt: Date;
  now: Date;
  blocks: BodyBlock[];
  averageCount: number;
}

/**
 * The comment thread of a published article, in chronological order. Its
 * size follows a geometric distribution with the given mean, so many
 * articles get no comment and a few get a long thread. Replies only ever
 * answer APPROVED comments, so that every reply a reader can see sits under
 * a parent they can see.
 */
export function generateComments(random: Random, context: ThreadContext): GeneratedComment[] {
  const times = commentTimes(random, context, threadSize(random, context.averageCount));
  const comments: GeneratedComment[] = [];
  const canTakeReplies: number[] = [];
  for (const createdAt of times) {
    const parentIndex = canTakeReplies.length > 0 && random.chance(REPLY_SHARE) ? random.pick(canTakeReplies) : null;
    const status = commentStatus(random);
    const depth = parentIndex === null ? 0 : comments[parentIndex].depth + 1;
    const anchor = parentIndex === null && random.chance(ANCHOR_SHARE) ? inlineAnchor(random, context.blocks) : null;
    if (status === CommentStatus.APPROVED && depth < MAX_DEPTH) canTakeReplies.push(comments.length);
    comments.push({ row: commentRow(random, status, parentIndex !== null, createdAt, anchor), parentIndex, depth });
  }
  return comments;
}

function threadSize(random: Random, mean: number): number {
  if (mean <= 0) return 0;
  return Math.floor(Math.log(1 - random.next()) / Math.log(mean / (1 + mean)));
}

/** Distinct whole seconds after publication, within two weeks and never after `now` (for threads that fit). */
function commentTimes(random: Random, context: ThreadContext, count: number): Date[] {
  const secondsSincePublication = Math.floor((context.now.getTime() - context.publishedAt.getTime()) / 1000);
  const window = Math.max(count, Math.min(THREAD_SECONDS, secondsSincePublication));
  const offsets = Array.from({ length: count }, () => random.int(1, window)).sort((a, b) => a - b);
  for (let i = 1; i < offsets.length; i++) offsets[i] = Math.max(offsets[i], offsets[i - 1] + 1);
  return offsets.map((offset) => new Date(context.publishedAt.getTime() + offset * 1000));
}

function commentStatus(random: Random): CommentStatus {
  const roll = random.next();
  if (roll < 0.86) return CommentStatus.APPROVED;
  return roll < 0.96 ? CommentStatus.PENDING : CommentStatus.SPAM;
}

/** Where an inline comment sits: the block, the quoted words, and the block's index (inline feedback's order). */
interface SeedAnchor {
  blockId: string;
  quote: string;
  position: number;
}

function inlineAnchor(random: Random, blocks: BodyBlock[]): SeedAnchor {
  const position = random.int(0, blocks.length - 1);
  const block = blocks[position];
  const words = block.text.split(" ");
  const length = Math.min(words.length, random.int(3, 8));
  const start = random.int(0, words.length - length);
  return { blockId: block.id, quote: words.slice(start, start + length).join(" "), position };
}

function commentRow(random: Random, status: CommentStatus, isReply: boolean, createdAt: Date, anchor: SeedAnchor | null): CommentRow {
  const commenter = random.int(0, COMMENTERS - 1);
  const person = personName(commenter);
  const text = status === CommentStatus.SPAM ? random.pick(SPAM) : random.sample(isReply ? REPLIES : COMMENTS, random.int(1, 2)).join(" ");
  return {
    authorName: person.name,
    authorEmail: `${slugify(person.first)}.${commenter}@example.com`,
    body: `<p>${escapeHtml(text)}</p>`,
    status,
    createdAt,
    anchorBlockId: anchor?.blockId ?? null,
    anchorQuote: anchor?.quote ?? null,
    anchorPosition: anchor?.position ?? null,
    editedAt: null,
  };
}
