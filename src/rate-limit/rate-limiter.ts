import { RateLimit } from "../config";
import { RateLimitedError } from "../shared/errors";
import { RateLimitStore } from "./rate-limit-store";

/**
 * Counts an attempt against every key at once (a client address, an email)
 * and refuses it when any of them went over, with the seconds until that
 * key's window ends. Every call counts: twenty aliased mutations in one
 * request are twenty attempts.
 */
export class RateLimiter {
  constructor(
    private readonly store: RateLimitStore,
    private readonly rule: RateLimit,
    private readonly scope: string,
  ) {}

  async attempt(keys: string[]): Promise<void> {
    const windows = await Promise.all(keys.map((key) => this.store.hit(`${this.scope}:${key}`, this.rule.windowMs)));
    const over = windows.filter((window) => window.count > this.rule.limit);
    if (over.length === 0) return;
    const retryAfterSeconds = Math.ceil(Math.max(...over.map((window) => window.resetInMs)) / 1000);
    throw new RateLimitedError(retryAfterSeconds, this.rule.limit);
  }
}
