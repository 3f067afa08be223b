import { EntityManager } from "typeorm";

/**
 * Something a write did that other systems may want to hear of, named as
 * the webhook events are (`article.published`, `taxonomy.changed`…), with
 * what a receiver needs to fetch the rest (global ids, slugs).
 */
export interface WriteEvent {
  type: string;
  data: Record<string, unknown>;
}

/** Queues what `event` calls for in the writer's transaction (it commits or rolls back with the write); true when it queued anything. */
export type WriteEventListener = (manager: EntityManager, event: WriteEvent) => Promise<boolean>;

/**
 * The events of writes, told inside the transaction that makes them (a
 * transactional outbox): a listener queues outbox messages with the write,
 * so a message exists exactly when the write committed. The modules that
 * write emit; a module built on them (webhooks) listens, which keeps the
 * import graph pointing one way.
 */
export class WriteEvents {
  private readonly listeners: WriteEventListener[] = [];
  private queued = false;

  constructor(
    /** Called by `committed` when a listener queued something since the last call: an outbox nudge. */
    private readonly onQueued: () => void = () => undefined,
  ) {}

  /** `listener` runs in the writer's transaction; a rejection rolls the write back. */
  listen(listener: WriteEventListener): void {
    this.listeners.push(listener);
  }

  async emit(manager: EntityManager, type: string, data: Record<string, unknown>): Promise<void> {
    for (const listener of this.listeners) if (await listener(manager, { type, data })) this.queued = true;
  }

  /**
   * After a commit: delivers now what was queued rather than at the next
   * poll. A rolled-back write may cause a nudge too many, which finds
   * nothing; a missed one waits for the poll.
   */
  committed(): void {
    if (!this.queued) return;
    this.queued = false;
    this.onQueued();
  }
}
