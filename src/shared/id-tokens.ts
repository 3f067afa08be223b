import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * Short opaque tokens that name a row for one purpose (`edit-comment`,
 * `confirm-subscription`, `unsubscribe`): `<id>.<HMAC of purpose and id>`.
 * Nothing is stored, a token of one purpose never passes for another, and
 * the same row always gets the same token, so a retried call can return it.
 */
export class IdTokens {
  constructor(private readonly secret: string) {}

  sign(purpose: string, id: number): string {
    return `${id}.${this.mac(purpose, id)}`;
  }

  /** The id a genuine token of `purpose` names; null for anything else. */
  verify(purpose: string, token: string): number | null {
    const match = /^([1-9][0-9]{0,9})\.([A-Za-z0-9_-]{43})$/.exec(token);
    if (!match) return null;
    const id = Number(match[1]);
    const expected = Buffer.from(this.mac(purpose, id));
    return timingSafeEqual(expected, Buffer.from(match[2])) ? id : null;
  }

  private mac(purpose: string, id: number): string {
    return createHmac("sha256", this.secret).update(`${purpose}:${id}`).digest("base64url");
  }
}
