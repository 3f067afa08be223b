import { once } from "node:events";
import { IncomingHttpHeaders, Server, createServer } from "node:http";
import { AddressInfo } from "node:net";
import { Webhook as StandardWebhook } from "standardwebhooks";

export const CREATE_WEBHOOK = `mutation($input: CreateWebhookInput!) { createWebhook(input: $input) { secret webhook { id url events enabled } } }`;

/** Verifies a request the way a receiver using the official Standard Webhooks library does; throws when the signature is wrong. */
export function verified(secret: string, request: { headers: IncomingHttpHeaders; body: string }): { type: string; data: Record<string, unknown> } {
  const headers = Object.fromEntries(["webhook-id", "webhook-timestamp", "webhook-signature"].map((name) => [name, String(request.headers[name])]));
  return new StandardWebhook(secret).verify(request.body, headers) as { type: string; data: Record<string, unknown> };
}

/** Polls `check` until it returns a value; the test's timeout bounds the wait. */
export async function eventually<T>(check: () => Promise<T | undefined | null | false>): Promise<T> {
  for (;;) {
    const value = await check();
    if (value) return value;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

export interface ReceivedWebhook {
  headers: IncomingHttpHeaders;
  body: string;
  /** What the receiver answered. */
  status: number;
}

/**
 * A webhook endpoint on 127.0.0.1 that keeps every POST it got. It answers
 * `answer()`'s status (200 by default): tests make it fail and recover.
 */
export class WebhookReceiver {
  readonly received: ReceivedWebhook[] = [];
  answer: (request: { headers: IncomingHttpHeaders; body: string }) => number = () => 200;
  private waiters: (() => void)[] = [];

  private constructor(private readonly server: Server) {}

  static async start(): Promise<WebhookReceiver> {
    const receiver: WebhookReceiver = new WebhookReceiver(
      createServer((request, response) => {
        const chunks: Buffer[] = [];
        request.on("data", (chunk: Buffer) => chunks.push(chunk));
        request.on("end", () => {
          const body = Buffer.concat(chunks).toString("utf8");
          const status = receiver.answer({ headers: request.headers, body });
          receiver.received.push({ headers: request.headers, body, status });
          response.writeHead(status, { "content-type": "text/plain" }).end(status === 200 ? "ok" : `failing on purpose ${"x".repeat(5000)}`);
          for (const wake of receiver.waiters.splice(0)) wake();
        });
      }),
    );
    receiver.server.listen(0, "127.0.0.1");
    await once(receiver.server, "listening");
    return receiver;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/hooks`;
  }

  /** The requests answered 2xx, their bodies parsed. */
  delivered(): { id: string; type: string; data: Record<string, any> }[] {
    return this.received
      .filter((request) => request.status < 300)
      .map((request) => ({ id: String(request.headers["webhook-id"]), ...JSON.parse(request.body) }));
  }

  /** Resolves once `done()` holds, checked after each request. */
  async until(done: () => boolean): Promise<void> {
    while (!done()) await new Promise<void>((resolve) => this.waiters.push(resolve));
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }
}
