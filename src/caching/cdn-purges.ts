import { randomUUID } from "node:crypto";
import { DataSource } from "typeorm";
import { DeliveryWorker } from "../outbox/delivery-worker";
import { OutboxMessage } from "../outbox/outbox-message.entity";
import { enqueue } from "../outbox/outbox";

export const CDN_PURGE_CHANNEL = "cdn-purge";

/** A CDN answers a purge in seconds; one that hangs is retried rather than waited for. */
const PURGE_TIMEOUT_MS = 10_000;

/**
 * Purges of a CDN (`CDN_PURGE_URL`) through the outbox: each write's keys
 * are one message, so a purge survives a restart and a CDN outage, and is
 * retried with the outbox's backoff. One request per write: a POST of
 * `{"surrogate_keys": [...], "tags": [...]}` (the same keys, as Fastly's and
 * Cloudflare's purge APIs name them) with the keys also in a
 * `Surrogate-Key` header (Fastly, Varnish xkey) and `CDN_PURGE_TOKEN`, when
 * set, as `Authorization: Bearer` and `Fastly-Key`.
 */
export class CdnPurges {
  private worker: DeliveryWorker | undefined;

  constructor(
    private readonly dataSource: DataSource,
    private readonly url: string,
    private readonly token: string | undefined,
  ) {}

  /** Queues one purge of `keys`, sent no sooner than `delayMs` from now. */
  async enqueue(keys: readonly string[], delayMs = 0): Promise<void> {
    const text = JSON.stringify({ surrogate_keys: keys, tags: keys });
    await enqueue(
      this.dataSource.manager,
      CDN_PURGE_CHANNEL,
      `purge:${randomUUID()}`,
      { to: this.url, subject: "purge", text },
      new Date(Date.now() + delayMs),
    );
    this.worker?.nudge();
  }

  /** Lets `worker` deliver the purges, and wakes it for each new one. */
  deliverWith(worker: DeliveryWorker): void {
    this.worker = worker;
    worker.handle(CDN_PURGE_CHANNEL, (message) => this.send(message));
  }

  private async send(message: OutboxMessage): Promise<void> {
    const { surrogate_keys: keys } = JSON.parse(message.text) as { surrogate_keys: string[] };
    const headers: Record<string, string> = { "content-type": "application/json", "surrogate-key": keys.join(" ") };
    if (this.token) Object.assign(headers, { authorization: `Bearer ${this.token}`, "fastly-key": this.token });
    const response = await fetch(message.recipient, { method: "POST", headers, body: message.text, signal: AbortSignal.timeout(PURGE_TIMEOUT_MS) });
    await response.body?.cancel();
    if (!response.ok) throw new Error(`CDN purge answered HTTP ${response.status}`);
  }
}
