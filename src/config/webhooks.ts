import { parseSwitch } from "./parse";

/**
 * How webhooks are delivered (`createWebhook`). Only `allowPrivate` comes
 * from the environment; the schedule and the bounds are constants that
 * tests shorten.
 */
export interface WebhookOptions {
  /**
   * `WEBHOOK_ALLOW_PRIVATE=on`: endpoints may be loopback, link-local or
   * private addresses. Off (the default) such URLs are refused when saved
   * and again after DNS resolution at each delivery: SSRF protection.
   */
  allowPrivate: boolean;
  /**
   * The waits before each retry of a failed delivery, in order: a delivery
   * is tried once plus once per entry, then given up. At most 9 entries
   * (the outbox's attempt bound).
   */
  retryDelaysMs: readonly number[];
  /** An endpoint whose deliveries have failed, with no success in between, for this long is disabled and its admin told. */
  disableAfterMs: number;
  /** The bound of one delivery request, connection to last byte. */
  requestTimeoutMs: number;
}

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

/**
 * The Standard Webhooks reference schedule: right away, then after 5 s, 5 min,
 * 30 min, 2 h, 5 h, 10 h and 10 h, about 27.6 hours in all, so a day of
 * failures disables the endpoint before its oldest delivery is given up.
 */
export const WEBHOOK_RETRY_DELAYS_MS: readonly number[] = [5 * SECOND, 5 * MINUTE, 30 * MINUTE, 2 * HOUR, 5 * HOUR, 10 * HOUR, 10 * HOUR];

export const DEFAULT_WEBHOOKS: WebhookOptions = {
  allowPrivate: false,
  retryDelaysMs: WEBHOOK_RETRY_DELAYS_MS,
  disableAfterMs: 24 * HOUR,
  requestTimeoutMs: 15 * SECOND,
};

export function loadWebhooks(env: NodeJS.ProcessEnv): WebhookOptions {
  return { ...DEFAULT_WEBHOOKS, allowPrivate: parseSwitch("WEBHOOK_ALLOW_PRIVATE", env.WEBHOOK_ALLOW_PRIVATE, false) };
}
