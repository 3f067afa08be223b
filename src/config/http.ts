import { parseInteger, parseSwitch } from "./parse";

/** How the HTTP endpoint presents itself to clients and browsers. */
export interface HttpOptions {
  /** Schema introspection and "Did you mean …" suggestions: on in development, off in production unless GRAPHQL_INTROSPECTION=on. */
  introspection: boolean;
  /**
   * Larger request bodies are refused with 413 before they are parsed. 128 KiB
   * leaves room for a 100 KB argument, which the field's own validation then
   * answers with BAD_USER_INPUT naming the field.
   */
  bodyLimitBytes: number;
  /** Origins browsers may call from (CORS): "*" for any, else exact origins. */
  corsOrigins: "*" | string[];
  /** Operations one graphql-ws socket may run at once; its messages are bounded by `bodyLimitBytes` too. */
  wsMaxSubscriptions: number;
}

export const DEFAULT_HTTP: HttpOptions = { introspection: true, bodyLimitBytes: 131_072, corsOrigins: "*", wsMaxSubscriptions: 20 };

const MAX_PORT = 65_535;

export function parsePort(raw: string | undefined): number {
  const port = parseInteger("PORT", raw, 4000);
  if (port > MAX_PORT) throw new Error(`PORT must be between 0 and ${MAX_PORT}, got "${raw}"`);
  return port;
}

export function loadHttp(env: NodeJS.ProcessEnv, production: boolean): HttpOptions {
  return {
    introspection: parseSwitch("GRAPHQL_INTROSPECTION", env.GRAPHQL_INTROSPECTION, !production),
    bodyLimitBytes: parseInteger("BODY_LIMIT_BYTES", env.BODY_LIMIT_BYTES, DEFAULT_HTTP.bodyLimitBytes),
    corsOrigins: parseOrigins(env.CORS_ORIGINS),
    wsMaxSubscriptions: parseInteger("WS_MAX_SUBSCRIPTIONS", env.WS_MAX_SUBSCRIPTIONS, DEFAULT_HTTP.wsMaxSubscriptions),
  };
}

/** CORS_ORIGINS: unset or "*" for any origin, else a comma-separated list of exact origins. */
function parseOrigins(raw: string | undefined): "*" | string[] {
  if (raw === undefined || raw.trim() === "" || raw.trim() === "*") return "*";
  return raw
    .split(",")
    .map((origin) => origin.trim())
    .filter(Boolean);
}
