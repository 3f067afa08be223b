import { Brackets, DataSource } from "typeorm";
import { Logger } from "../logger";
import { MailTransport } from "./mail-transport";
import { OutboxMessage } from "./outbox-message.entity";

const BATCH = 20;
/** How long a claim holds: a worker that died mid-send leaves the message to another after this. */
const LEASE_MS = 60_000;
export const MAX_ATTEMPTS = 10;
const BASE_BACKOFF_MS = 5_000;
const MAX_BACKOFF_MS = 60 * 60_000;

/** 5 s, 10 s, 20 s, … doubling, at most an hour. */
export function backoffMs(attempts: number): number {
  return Math.min(MAX_BACKOFF_MS, BASE_BACKOFF_MS * 2 ** (attempts - 1));
}

/**
 * Sends what the outbox holds. Messages survive any crash: they were
 * committed with the change that asked for them, and only a successful send
 * marks them sent. Several workers (instances) may run: each message is
 * claimed with a lease by one conditional UPDATE before it is sent. A crash
 * between the send and the mark means the message goes again after the
 * lease (at least once, as with any mail relay); nothing is ever dropped.
 */
export class DeliveryWorker {
  /** The senders of channels other than mail (`handle`); a message of a channel this worker has no sender for waits for one that has. */
  private readonly senders = new Map<string, { send: (message: OutboxMessage) => Promise<void>; backoff: (attempts: number) => number }>();
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<number> | undefined;
  private again = false;
  private stopped = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly transport: MailTransport,
    private readonly logger: Logger,
    /** Off: `start` and `nudge` do nothing, `drain` still works (tests, a separate delivery process). */
    private readonly background = true,
  ) {}

  /**
   * Delivers the messages of `channel` with `send` (a rejection means "not
   * sent": retried after `backoff(attempts so far)`, while fewer than
   * MAX_ATTEMPTS were made; a sender that gives up earlier resolves).
   */
  handle(channel: string, send: (message: OutboxMessage) => Promise<void>, backoff: (attempts: number) => number = backoffMs): void {
    this.senders.set(channel, { send, backoff });
  }

  /** Polls every `intervalMs` (messages that failed come due again; another instance may have queued some). */
  start(intervalMs: number): void {
    if (intervalMs <= 0 || !this.background) return;
    this.timer = setInterval(() => this.nudge(), intervalMs);
    this.timer.unref();
  }

  /** Something was just committed: deliver now rather than at the next poll. */
  nudge(): void {
    if (!this.background || this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    void this.drain().catch((err) => this.logger.error({ err }, "outbox delivery failed"));
  }

  /** Sends every message due now; resolves with how many went out. One drain at a time. */
  async drain(): Promise<number> {
    if (this.running) return this.running;
    this.running = this.drainAll();
    try {
      return await this.running;
    } finally {
      this.running = undefined;
      if (this.again) {
        this.again = false;
        this.nudge();
      }
    }
  }

  /** Waits for the delivery in flight; what it did not send stays in the outbox for the next start. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.running?.catch(() => undefined);
  }

  private async drainAll(): Promise<number> {
    let sent = 0;
    for (;;) {
      const due = await this.due();
      if (due.length === 0) return sent;
      for (const message of due) if (await this.claim(message)) sent += Number(await this.deliver(message));
    }
  }

  private due(): Promise<OutboxMessage[]> {
    const now = new Date();
    return this.messages()
      .createQueryBuilder("message")
      .where("message.sent_at IS NULL AND message.attempts < :max AND message.next_attempt_at <= :now", { max: MAX_ATTEMPTS, now })
      .andWhere("message.channel IN (:...channels)", { channels: ["mail", ...this.senders.keys()] })
      .andWhere(new Brackets((qb) => qb.where("message.locked_until IS NULL").orWhere("message.locked_until < :now", { now })))
      .orderBy("message.id")
      .limit(BATCH)
      .getMany();
  }

  /** True when this worker won the message: the UPDATE only matches an unsent, unclaimed row. */
  private async claim(message: OutboxMessage): Promise<boolean> {
    const now = new Date();
    const result = await this.messages()
      .createQueryBuilder()
      .update()
      .set({ lockedUntil: new Date(now.getTime() + LEASE_MS) })
      .where("id = :id AND sent_at IS NULL", { id: message.id })
      .andWhere(new Brackets((qb) => qb.where("locked_until IS NULL").orWhere("locked_until < :now", { now })))
      .execute();
    return result.affected === 1;
  }

  private async deliver(message: OutboxMessage): Promise<boolean> {
    try {
      const sender = this.senders.get(message.channel);
      if (sender) await sender.send(message);
      else await this.transport.send({ to: message.recipient, subject: message.subject, text: message.text });
    } catch (error) {
      const attempts = message.attempts + 1;
      this.logger.warn({ err: error, messageId: message.id, channel: message.channel, attempts }, "outbox message not sent; will retry");
      await this.messages().update(message.id, {
        attempts,
        nextAttemptAt: new Date(Date.now() + (this.senders.get(message.channel)?.backoff ?? backoffMs)(attempts)),
        lockedUntil: null,
        lastError: String(error instanceof Error ? error.message : error).slice(0, 1000),
      });
      return false;
    }
    await this.messages().update(message.id, { sentAt: new Date(), lockedUntil: null, attempts: message.attempts + 1 });
    return true;
  }

  private messages() {
    return this.dataSource.getRepository(OutboxMessage);
  }
}
