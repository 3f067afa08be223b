/** At most `limit` attempts per `windowMs`, per key. */
export interface RateLimit {
  limit: number;
  windowMs: number;
}

const UNIT_MS: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000 };

/** `5/60s`, `20/1m`, `100/1h`: attempts per window. */
export function parseRateLimit(name: string, raw: string): RateLimit {
  const match = /^(\d+)\/(\d+)([smh])$/.exec(raw.trim());
  if (!match || Number(match[1]) < 1 || Number(match[2]) < 1) {
    throw new Error(`${name} must look like 5/60s (attempts/window in s, m or h), got "${raw}"`);
  }
  return { limit: Number(match[1]), windowMs: Number(match[2]) * UNIT_MS[match[3]] };
}
