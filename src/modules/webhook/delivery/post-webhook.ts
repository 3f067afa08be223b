import http from "node:http";
import https from "node:https";
import { LookupFunction } from "node:net";
import { DeliveryAddress } from "../webhook-url";

/** How much of an answer's body is kept: enough to see an error message, never a stored page. */
export const RESPONSE_EXCERPT_CHARS = 200;
const RESPONSE_READ_BYTES = 4096;

export interface WebhookResponse {
  status: number;
  /** The start of the body, at most RESPONSE_EXCERPT_CHARS characters. */
  excerpt: string;
}

/**
 * POSTs `body` to `href`, connecting to `address` only (the one the SSRF
 * check passed: the name is not resolved again), with TLS still verified
 * against the URL's host name. Rejects past `timeoutMs` from start to the
 * end of the answer; reads at most 4 KiB of the answer and drops the rest.
 * Redirects are not followed: a 3xx is a failed delivery.
 */
export function postWebhook(
  href: string,
  address: DeliveryAddress,
  headers: Record<string, string>,
  body: string,
  timeoutMs: number,
): Promise<WebhookResponse> {
  const url = new URL(href);
  const pinned: LookupFunction = (_hostname, options, callback) => {
    if (options.all) callback(null, [address]);
    else callback(null, address.address, address.family);
  };
  const client = url.protocol === "https:" ? https : http;
  return new Promise((resolve, reject) => {
    const request = client.request(
      url,
      {
        method: "POST",
        headers: { ...headers, "content-type": "application/json", "content-length": Buffer.byteLength(body), "user-agent": "Broadsheet-Webhooks/1" },
        lookup: pinned,
        signal: AbortSignal.timeout(timeoutMs),
        agent: false,
      },
      (response) => {
        const chunks: Buffer[] = [];
        let read = 0;
        response.on("data", (chunk: Buffer) => {
          if (read < RESPONSE_READ_BYTES) chunks.push(chunk);
          read += chunk.length;
          if (read >= RESPONSE_READ_BYTES) response.destroy();
        });
        const done = () => resolve({ status: response.statusCode ?? 0, excerpt: Buffer.concat(chunks).toString("utf8").slice(0, RESPONSE_EXCERPT_CHARS) });
        response.on("end", done);
        response.on("close", done);
        response.on("error", reject);
      },
    );
    request.on("error", reject);
    request.end(body);
  });
}
