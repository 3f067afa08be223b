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
  /** Off only in the bench's naive build: every loader then sends one statement per key. */
  loaderBatching: boolean;
  limits: OperationLimits;
}

/** What one GraphQL operation may ask for; each refusal names its limit. */
export interface OperationLimits {
  /** Characters of query text. */
  queryLength: number;
  tokens: number;
  /** Field nesting; introspection is exempt. */
  depth: number;
  aliases: number;
  directives: number;
  /** The budget of `src/http/limits/query-cost.ts`: connections cost their page size times their selection. */
  cost: number;
}

export const DEFAULT_LIMITS: OperationLimits = {
  queryLength: 20_000,
  tokens: 2000,
  depth: 10,
  aliases: 15,
  directives: 50,
  cost: 5000,
};

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
    loaderBatching: parseSwitch("LOADER_BATCHING", env.LOADER_BATCHING, true),
    limits: {
      queryLength: parseInteger("LIMIT_QUERY_LENGTH", env.LIMIT_QUERY_LENGTH, DEFAULT_LIMITS.queryLength),
      tokens: parseInteger("LIMIT_TOKENS", env.LIMIT_TOKENS, DEFAULT_LIMITS.tokens),
      depth: parseInteger("LIMIT_DEPTH", env.LIMIT_DEPTH, DEFAULT_LIMITS.depth),
      aliases: parseInteger("LIMIT_ALIASES", env.LIMIT_ALIASES, DEFAULT_LIMITS.aliases),
      directives: parseInteger("LIMIT_DIRECTIVES", env.LIMIT_DIRECTIVES, DEFAULT_LIMITS.directives),
      cost: parseInteger("LIMIT_COST", env.LIMIT_COST, DEFAULT_LIMITS.cost),
    },
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

function parseSwitch(name: string, raw: string | undefined, fallback: boolean): boolean {
  if (raw === undefined || raw === "") return fallback;
  if (raw === "on" || raw === "off") return raw === "on";
  throw new Error(`${name} must be on or off, got "${raw}"`);
}
