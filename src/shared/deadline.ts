import { performance } from "node:perf_hooks";
import { ExecutionTimeoutError } from "./errors";

/** Milliseconds on a monotonic clock. Tests inject one that they move themselves. */
export type Clock = () => number;

export const systemClock: Clock = () => performance.now();

/**
 * A request's time budget. SQLite runs statements synchronously and cannot
 * be interrupted mid-statement, so the budget is checked between them: once
 * it is spent the request sends no more SQL and its fields fail with
 * EXECUTION_TIMEOUT. (On PostgreSQL `statement_timeout` also cuts a single
 * statement that runs past it.)
 */
export class Deadline {
  static readonly NONE = new Deadline(Infinity, systemClock);

  private constructor(
    private readonly at: number,
    private readonly clock: Clock,
  ) {}

  /** `budgetMs` from now on `clock`; 0 is no deadline. */
  static after(budgetMs: number, clock: Clock = systemClock): Deadline {
    return budgetMs > 0 ? new Deadline(clock() + budgetMs, clock) : Deadline.NONE;
  }

  /** Throws ExecutionTimeoutError once the budget is spent. */
  check(): void {
    if (this.at !== Infinity && this.clock() > this.at) throw new ExecutionTimeoutError();
  }
}
