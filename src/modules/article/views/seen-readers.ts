import Redis from "ioredis";
import { READ_WINDOWS, ReadWindow, windowMs } from "./read-window";

/**
 * Who has been counted for which article lately: a reader counts again in a
 * window only once the window's length has passed since they were last
 * counted in it. So a reader counts at most once in any one window's sum,
 * and a retried recordView counts nothing more.
 */
export interface SeenReaders {
  /** The windows in which `reader` (a hash) is counted for `articleId` at `atMs`: those it was not counted in lately. Marks them. */
  countIn(articleId: number, reader: string, atMs: number): Promise<ReadWindow[]>;
  close(): Promise<void>;
}

/** How many (article, reader) pairs each window remembers in memory; past it the oldest are forgotten (and may count again). */
const MAX_REMEMBERED = 100_000;

/** This process's memory: enough for one instance; a restart forgets, so readers may count again after one. */
export class MemorySeenReaders implements SeenReaders {
  /** Per window, pair -> when it may count again; in insertion order, which is that order too (a window's length is fixed). */
  private readonly seen = new Map<ReadWindow, Map<string, number>>(READ_WINDOWS.map((window) => [window, new Map()]));

  async countIn(articleId: number, reader: string, atMs: number): Promise<ReadWindow[]> {
    const key = `${articleId}:${reader}`;
    return READ_WINDOWS.filter((window) => {
      const seen = this.seen.get(window)!;
      forgetExpired(seen, atMs);
      if ((seen.get(key) ?? -Infinity) > atMs) return false;
      seen.delete(key);
      seen.set(key, atMs + windowMs(window));
      if (seen.size > MAX_REMEMBERED) seen.delete(seen.keys().next().value!);
      return true;
    });
  }

  async close(): Promise<void> {}
}

function forgetExpired(seen: Map<string, number>, now: number): void {
  for (const [key, until] of seen) {
    if (until > now) return;
    seen.delete(key);
  }
}

/** Shared by every instance: a key per window, article and reader, that Redis expires after the window. */
export class RedisSeenReaders implements SeenReaders {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  async countIn(articleId: number, reader: string): Promise<ReadWindow[]> {
    // One round trip: SET NX answers OK only where the key was not there, i.e. the reader was not counted lately.
    const multi = this.redis.multi();
    for (const window of READ_WINDOWS) multi.set(`${this.prefix}seen:${window}:${articleId}:${reader}`, 1, "PX", windowMs(window), "NX");
    const results = await multi.exec();
    if (!results) throw new Error("view transaction aborted");
    for (const [error] of results) if (error) throw error;
    return READ_WINDOWS.filter((_, index) => results[index][1] === "OK");
  }

  async close(): Promise<void> {
    this.redis.disconnect();
  }
}

/**
 * Redis while it answers; while it fails (its commands are bounded, see
 * `RedisConnections`), this process's memory: a reader may then count once
 * per instance, and a view is never refused or slowed for it.
 */
export class FallbackSeenReaders implements SeenReaders {
  constructor(
    private readonly shared: SeenReaders,
    private readonly local: SeenReaders,
  ) {}

  async countIn(articleId: number, reader: string, atMs: number): Promise<ReadWindow[]> {
    try {
      return await this.shared.countIn(articleId, reader, atMs);
    } catch {
      return this.local.countIn(articleId, reader, atMs);
    }
  }

  async close(): Promise<void> {
    await Promise.all([this.shared.close(), this.local.close()]);
  }
}
