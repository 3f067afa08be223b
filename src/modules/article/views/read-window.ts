import { registerEnumType } from "type-graphql";

export enum ReadWindow {
  HOUR = "HOUR",
  DAY = "DAY",
  WEEK = "WEEK",
}

registerEnumType(ReadWindow, {
  name: "ReadWindow",
  description: "The span views are counted over, ending now; a reader counts once per article in it.",
  valuesConfig: {
    HOUR: { description: "The last hour (55 to 60 minutes: counts move on in 5-minute steps)." },
    DAY: { description: "The last day (23 to 24 hours: counts move on hourly)." },
    WEEK: { description: "The last week (6 days 18 hours to 7 days: counts move on every 6 hours)." },
  },
});

export const READ_WINDOWS = [ReadWindow.HOUR, ReadWindow.DAY, ReadWindow.WEEK] as const;

const MINUTE_MS = 60_000;

/**
 * Each window's length and the size of the buckets its views are counted
 * in. A window's count is the sum of its last `length / bucket` buckets,
 * the current one included: a span a little shorter than the window, never
 * longer, so a reader who is counted again only after a whole window (see
 * `SeenReaders`) is never counted twice in one sum.
 */
export const WINDOW_MINUTES: Record<ReadWindow, { length: number; bucket: number }> = {
  HOUR: { length: 60, bucket: 5 },
  DAY: { length: 24 * 60, bucket: 60 },
  WEEK: { length: 7 * 24 * 60, bucket: 6 * 60 },
};

/** The start of the bucket of `window` that the time `atMs` falls in, in minutes since the epoch (UTC). */
export function bucketOf(window: ReadWindow, atMs: number): number {
  const { bucket } = WINDOW_MINUTES[window];
  return Math.floor(atMs / MINUTE_MS / bucket) * bucket;
}

/** The first bucket start that `window`'s count at `nowMs` sums: buckets before it have left the window. */
export function windowStart(window: ReadWindow, nowMs: number): number {
  const { length, bucket } = WINDOW_MINUTES[window];
  return bucketOf(window, nowMs) - length + bucket;
}

/** The window's length in milliseconds: how long a counted reader is not counted again. */
export function windowMs(window: ReadWindow): number {
  return WINDOW_MINUTES[window].length * MINUTE_MS;
}
