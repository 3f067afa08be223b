import { JWTPayload, SignJWT, errors, jwtVerify } from "jose";

const ALGORITHM = "HS256";
const ISSUER = "broadsheet";

export interface SignedToken {
  token: string;
  expiresAt: Date;
}

/** Why a token was refused: past its expiry, or not a valid token of the audience at all (forged, garbled, another kind). */
export type TokenFailure = "EXPIRED" | "INVALID";

export type TokenCheck = { subject: string } | { failure: TokenFailure };

/**
 * Signs and checks the server's HS256 JWTs. `audience` keeps kinds apart: a
 * preview token can never pass as a sign-in token, nor the reverse. `now`
 * is the clock of both signing and checking, so tests can mint tokens that
 * have already expired instead of waiting.
 */
export class TokenSigner {
  private readonly key: Uint8Array;

  constructor(
    secret: string,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.key = new TextEncoder().encode(secret);
  }

  /**
   * A token issued at `issuedAt` (seconds; now by default). Signing is
   * deterministic: the same arguments give the same token, which is how a
   * retried `createPreviewToken` gets its first answer back.
   */
  async sign(
    audience: string,
    subject: string,
    ttlSeconds: number,
    claims: Record<string, string | number> = {},
    issuedAt = this.issuedAtNow(),
  ): Promise<SignedToken> {
    const expiresAt = issuedAt + ttlSeconds;
    const token = await new SignJWT(claims)
      .setProtectedHeader({ alg: ALGORITHM })
      .setIssuer(ISSUER)
      .setAudience(audience)
      .setSubject(subject)
      .setIssuedAt(issuedAt)
      .setExpirationTime(expiresAt)
      .sign(this.key);
    return { token, expiresAt: new Date(expiresAt * 1000) };
  }

  /** The `iat` a token signed now gets, in seconds. */
  issuedAtNow(): number {
    return Math.floor(this.now().getTime() / 1000);
  }

  /** The subject of a valid, unexpired token of `audience`, or why it is refused. The signature is checked before the expiry. */
  async check(audience: string, token: string): Promise<TokenCheck> {
    try {
      const { payload } = await this.verify(audience, token);
      return payload.sub ? { subject: payload.sub } : { failure: "INVALID" };
    } catch (error) {
      if (error instanceof errors.JWTExpired) return { failure: "EXPIRED" };
      if (error instanceof errors.JOSEError) return { failure: "INVALID" };
      throw error;
    }
  }

  /** The claims of a valid, unexpired token of `audience`; null for anything else. */
  async claimsOf(audience: string, token: string): Promise<JWTPayload | null> {
    try {
      return (await this.verify(audience, token)).payload;
    } catch (error) {
      if (error instanceof errors.JOSEError) return null;
      throw error;
    }
  }

  private verify(audience: string, token: string) {
    return jwtVerify(token, this.key, { algorithms: [ALGORITHM], issuer: ISSUER, audience, currentDate: this.now() });
  }
}
