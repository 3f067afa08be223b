/**
 * Every environment variable the server reads, parsed and validated once.
 * Everything is optional; `.env.example` lists them with their defaults.
 */
export interface Config {
  port: number;
  databaseUrl: string;
  nodeEnv: string;
  isProduction: boolean;
  logLevel: string;
  /** Articles generated into an empty database by `npm start`. */
  demoArticles: number;
}

export const DEFAULT_DATABASE_URL = "sqlite:./data/broadsheet.sqlite";

const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"];

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const nodeEnv = env.NODE_ENV ?? "development";
  const logLevel = env.LOG_LEVEL ?? "info";
  if (!LOG_LEVELS.includes(logLevel)) {
    throw new Error(`LOG_LEVEL must be one of ${LOG_LEVELS.join(", ")}, got "${logLevel}"`);
  }
  return {
    port: parseInteger("PORT", env.PORT, 4000),
    databaseUrl: env.DATABASE_URL || DEFAULT_DATABASE_URL,
    nodeEnv,
    isProduction: nodeEnv === "production",
    logLevel,
    demoArticles: parseInteger("DEMO_ARTICLES", env.DEMO_ARTICLES, 200),
  };
}

function parseInteger(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) {
    throw new Error(`${name} must be a non-negative integer, got "${raw}"`);
  }
  return value;
}
