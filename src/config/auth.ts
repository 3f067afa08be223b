import { parseInteger } from "./parse";

export interface AuthConfig {
  /** HMAC key of sign-in and preview tokens; every instance must share it. */
  secret: string;
  sessionSeconds: number;
}

/** Only for development and tests: production refuses to start without JWT_SECRET. */
export const DEVELOPMENT_AUTH: AuthConfig = { secret: "broadsheet-development-secret-not-for-production", sessionSeconds: 12 * 3600 };

const MIN_SECRET_LENGTH = 32;

export function loadAuth(env: NodeJS.ProcessEnv, production: boolean): AuthConfig {
  return {
    secret: parseSecret(env.JWT_SECRET, production),
    sessionSeconds: parseInteger("SESSION_SECONDS", env.SESSION_SECONDS, DEVELOPMENT_AUTH.sessionSeconds),
  };
}

/** A forged token is one guessed key away: production needs a real, long secret. */
function parseSecret(raw: string | undefined, production: boolean): string {
  if (raw) {
    if (raw.length < MIN_SECRET_LENGTH) throw new Error(`JWT_SECRET must be at least ${MIN_SECRET_LENGTH} characters`);
    return raw;
  }
  if (production) throw new Error("JWT_SECRET must be set when NODE_ENV=production");
  return DEVELOPMENT_AUTH.secret;
}
