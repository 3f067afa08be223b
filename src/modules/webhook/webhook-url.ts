import { lookup } from "node:dns/promises";
import ipaddr from "ipaddr.js";
import { BadUserInputError } from "../../shared/errors";

const URL_MAX = 2048;

const messages = {
  invalid: "url must be an absolute http or https URL.",
  long: `url must be at most ${URL_MAX} characters.`,
  credentials: "url must not carry a user name or password.",
  private: "url names a loopback, link-local or private address, which webhooks may not reach.",
};

/**
 * Whether an address is on the public internet. ipaddr.js classifies it
 * against the IANA special-purpose registries (loopback, RFC 1918,
 * link-local with the 169.254.169.254 metadata service, unique-local,
 * CGNAT 100.64/10, unspecified, multicast, reserved, 6to4/Teredo/NAT64),
 * and `process` turns `::ffff:10.0.0.1` into the IPv4 address it carries:
 * only `unicast` is public. A maintained table beats ranges typed by hand,
 * where a missing one is a hole.
 */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  return ipaddr.process(address).range() === "unicast";
}

/** The URL's host as an IP address when it is one (`[::1]` unbracketed); null for a name. */
function literalAddress(url: URL): string | null {
  const host = url.hostname.startsWith("[") ? url.hostname.slice(1, -1) : url.hostname;
  return ipaddr.isValid(host) ? host : null;
}

/** `localhost` and its subdomains resolve to loopback by definition (RFC 6761): refused without asking DNS. */
function isLocalhostName(hostname: string): boolean {
  const name = hostname.toLowerCase().replace(/\.$/, "");
  return name === "localhost" || name.endsWith(".localhost");
}

/**
 * A webhook URL as saved: absolute http(s), no credentials, and unless
 * `allowPrivate`, no literal private address or localhost name. A name is
 * not resolved here: what it resolves to is checked at each delivery
 * (`resolveDeliveryAddress`), since it may change after saving.
 * BAD_USER_INPUT on `field` otherwise.
 */
export function checkWebhookUrl(raw: string, allowPrivate: boolean, field = "input.url"): string {
  if (raw.length > URL_MAX) throw new BadUserInputError(messages.long, { field, maximum: URL_MAX });
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new BadUserInputError(messages.invalid, { field });
  }
  if ((url.protocol !== "http:" && url.protocol !== "https:") || url.hostname === "") throw new BadUserInputError(messages.invalid, { field });
  if (url.username !== "" || url.password !== "") throw new BadUserInputError(messages.credentials, { field });
  if (!allowPrivate) {
    const address = literalAddress(url);
    if (isLocalhostName(url.hostname) || (address !== null && !isPublicAddress(address))) throw new BadUserInputError(messages.private, { field });
  }
  return url.href;
}

/** A delivery refused before connecting: the endpoint's name resolved to an address webhooks may not reach. */
export class RefusedAddressError extends Error {}

export interface DeliveryAddress {
  address: string;
  family: 4 | 6;
}

/**
 * The address a delivery connects to, checked after DNS resolution so
 * that a name re-pointed at an internal address after it was saved (DNS
 * rebinding) is refused before any connection. Every address the name
 * has must be public (a resolver could answer a public and a private
 * one); the caller connects to the returned one only, not to a second
 * lookup's answer.
 */
export async function resolveDeliveryAddress(href: string, allowPrivate: boolean): Promise<DeliveryAddress> {
  const url = new URL(href);
  const literal = literalAddress(url);
  const found = literal !== null ? [{ address: literal, family: ipaddr.parse(literal).kind() === "ipv6" ? 6 : 4 }] : await lookup(url.hostname, { all: true });
  if (found.length === 0) throw new RefusedAddressError(`${url.hostname} has no address`);
  if (!allowPrivate && (isLocalhostName(url.hostname) || found.some(({ address }) => !isPublicAddress(address)))) {
    throw new RefusedAddressError(`${url.hostname} resolves to an address webhooks may not reach`);
  }
  const [first] = found;
  return { address: first.address, family: first.family === 6 ? 6 : 4 };
}
