import { JWTPayload, SignJWT, errors, jwtVerify } from "jose";

const ALGORITHM = "HS256";
const ISSUER = "broadsheet";

/**
 * Signs and checks the server's HS256 JWTs. `audience` keeps kinds apart: a
 * preview token can never pass as a sign-in token, nor the reverse.
 */
export class TokenSigner {
  private readonly key: Uint8Array;

  constructor(secret: string) {
    this.key = new TextEncoder().encode(secret);
  }

  sign(audience: string, subject: string, ttlSeconds: number, claims: Record<string, string | number> = {}): Promise<string> {
    return new SignJWT(claims)
      .setProtectedHeader({ alg: ALGORITHM })
      .setIssuer(ISSUER)
      .setAudience(audience)
      .setSubject(subject)
      .setIssuedAt()
      .setExpirationTime(`${ttlSeconds}s`)
      .sign(this.key);
  }

  /** The subject of a valid, unexpired token of `audience`; null for anything else. */
  async subjectOf(audience: string, token: string): Promise<string | null> {
    return (await this.claimsOf(audience, token))?.sub ?? null;
  }

  /** The claims of a valid, unexpired token of `audience`; null for anything else. */
  async claimsOf(audience: string, token: string): Promise<JWTPayload | null> {
    try {
      return (await jwtVerify(token, this.key, { algorithms: [ALGORITHM], issuer: ISSUER, audience })).payload;
    } catch (error) {
      if (error instanceof errors.JOSEError) return null;
      throw error;
    }
  }
}
