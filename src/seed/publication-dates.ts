import { ArticleStatus } from "../modules/article";
import { Random } from "./random";

const HOUR_S = 3600;
const DAY_S = 24 * HOUR_S;
const PUBLISHED_SPAN_S = 3 * 365 * DAY_S;
const SCHEDULED_SPAN_S = 30 * DAY_S;
const PUBLISHED_SHARE = 0.97;
const DRAFT_SHARE = 0.015;

export interface PublicationDates {
  status: ArticleStatus;
  publishedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  version: number;
}

interface Timeline {
  seed: number;
  articles: number;
  now: Date;
}

/**
 * Status and dates of the index-th of `timeline.articles` articles: about
 * 97% PUBLISHED over the three years before `now`, the rest DRAFT or
 * SCHEDULED within 30 days after it. Publication times are all distinct, to
 * the second: each article owns one slot of the span (a seeded permutation
 * of the indexes, so that id order is not publication order) and falls at a
 * random second inside it.
 */
export function publicationDates(random: Random, timeline: Timeline, index: number): PublicationDates {
  const now = seconds(timeline.now);
  const slot = publicationSlot(index, timeline.articles, timeline.seed);
  const roll = random.next();
  if (roll < PUBLISHED_SHARE) {
    const span = Math.max(PUBLISHED_SPAN_S, timeline.articles);
    const step = Math.floor(span / timeline.articles);
    const publishedAt = now - span + slot * step + random.int(0, step - 1);
    const edits = random.chance(0.25) ? random.int(1, 3) : 0;
    const updatedAt = edits === 0 ? publishedAt : Math.min(now, publishedAt + random.int(600, 3 * DAY_S));
    return dated(ArticleStatus.PUBLISHED, publishedAt, publishedAt - random.int(HOUR_S, 5 * DAY_S), updatedAt, 1 + edits);
  }
  const createdAt = now - random.int(HOUR_S, 60 * DAY_S);
  const updatedAt = random.int(createdAt, now);
  if (roll < PUBLISHED_SHARE + DRAFT_SHARE) return dated(ArticleStatus.DRAFT, null, createdAt, updatedAt, random.int(1, 5));
  const scheduledAt = now + DAY_S + slot * Math.max(1, Math.floor(SCHEDULED_SPAN_S / timeline.articles));
  return dated(ArticleStatus.SCHEDULED, scheduledAt, createdAt, updatedAt, random.int(1, 3));
}

/** `index` mapped one-to-one onto [0, count) by a stride coprime with `count`. */
function publicationSlot(index: number, count: number, seed: number): number {
  let stride = Math.floor(count * 0.618) + 1;
  while (greatestCommonDivisor(stride, count) !== 1) stride++;
  return (stride * index + seed) % count;
}

function greatestCommonDivisor(a: number, b: number): number {
  return b === 0 ? a : greatestCommonDivisor(b, a % b);
}

function dated(status: ArticleStatus, publishedAt: number | null, createdAt: number, updatedAt: number, version: number): PublicationDates {
  const date = (s: number) => new Date(s * 1000);
  return { status, publishedAt: publishedAt === null ? null : date(publishedAt), createdAt: date(createdAt), updatedAt: date(updatedAt), version };
}

function seconds(date: Date): number {
  return Math.floor(date.getTime() / 1000);
}
