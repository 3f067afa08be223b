/** Shared by every `config/` file: an unset or empty variable takes the fallback; anything else must parse or startup fails naming it. */

export function parseInteger(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) {
    throw new Error(`${name} must be a non-negative integer, got "${raw}"`);
  }
  return value;
}

/** A duration that must not be zero: a zero bound or interval would spin or fail everything. */
export function parsePositive(name: string, raw: string | undefined, fallback: number): number {
  const value = parseInteger(name, raw, fallback);
  if (value === 0) throw new Error(`${name} must be at least 1`);
  return value;
}

export function parseSwitch(name: string, raw: string | undefined, fallback: boolean): boolean {
  if (raw === undefined || raw === "") return fallback;
  if (raw === "on" || raw === "off") return raw === "on";
  throw new Error(`${name} must be on or off, got "${raw}"`);
}

export function parseChoice<T extends string>(name: string, raw: string | undefined, choices: readonly T[], fallback: T): T {
  if (raw === undefined || raw === "") return fallback;
  if ((choices as readonly string[]).includes(raw)) return raw as T;
  throw new Error(`${name} must be one of ${choices.join(", ")}, got "${raw}"`);
}

/** Unset or empty: undefined. */
export function parseHttpUrl(name: string, raw: string | undefined): string | undefined {
  if (raw === undefined || raw === "") return undefined;
  if (URL.canParse(raw) && /^https?:$/.test(new URL(raw).protocol)) return raw;
  throw new Error(`${name} must be an http:// or https:// URL, got "${raw}"`);
}
