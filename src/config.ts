import type { CommentOptions } from "./modules/comment/comment-services";
import { loadCommentSettings } from "./modules/comment/comment.config";
import { loadMailSettings } from "./outbox/mail.config";
import { DEFAULT_REDIS, RedisOptions } from "./redis/redis-connections";
import { DEFAULT_TRACING, TracingOptions } from "./telemetry";

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
  /** `pretty` (pino-pretty) or `json`; unset: pretty when stdout is a terminal. */
  logFormat?: LogFormat;
  /** Articles generated into an empty database by `npm start`. */
  demoArticles: number;
  /** Off only in the bench's naive build: every loader then sends one statement per key. */
  loaderBatching: boolean;
  limits: OperationLimits;
  http: HttpOptions;
  auth: AuthConfig;
  /** How often this instance looks for scheduled articles that are due. */
  schedulerIntervalMs: number;
  /** COMMENT_*, SMTP_URL, MAIL_*, OUTBOX_POLL_MS, PUBLIC_URL and REDIS_URL: see `comment.config.ts` and `mail.config.ts`. */
  comments: CommentOptions;
  timeouts: TimeoutOptions;
  shutdown: ShutdownOptions;
  caching: CachingOptions;
  /** REDIS_TIMEOUT_MS: the bound of every Redis command. */
  redis: RedisOptions;
  replicas: ReplicaOptions;
  /** OpenTelemetry traces, off unless OTEL_EXPORTER_OTLP_ENDPOINT is set. */
  tracing: TracingOptions;
}

/** PostgreSQL read replicas: where anonymous reads go, and when one is skipped. */
export interface ReplicaOptions {
  /** DATABASE_REPLICA_URLS, comma-separated; empty: every statement goes to DATABASE_URL. */
  urls: string[];
  /** A replica further behind the primary than this is skipped until it catches up. */
  maxLagMs: number;
  /** How often each replica's health and lag are measured. */
  checkIntervalMs: number;
}

export const DEFAULT_REPLICAS: ReplicaOptions = { urls: [], maxLagMs: 5000, checkIntervalMs: 1000 };

/** How long a request, a statement and a database connection may take before they fail with a coded error. */
export interface TimeoutOptions {
  /**
   * The time budget of one GraphQL request (0: none). Past it the request
   * sends no more SQL and answers EXECUTION_TIMEOUT; on PostgreSQL it is also
   * every serving statement's `statement_timeout`.
   */
  executionMs: number;
  /** PostgreSQL: how long to wait for a pooled connection before answering DATABASE_UNAVAILABLE (0: forever). */
  databaseConnectMs: number;
}

export const DEFAULT_TIMEOUTS: TimeoutOptions = { executionMs: 5000, databaseConnectMs: 5000 };

/** What SIGTERM and SIGINT do, in order: report not ready, keep serving for `drainMs`, then close within `graceMs`. */
export interface ShutdownOptions {
  /**
   * How long `/readyz` answers 503 while requests are still served, so load
   * balancers stop sending new ones before the port closes; set it to the
   * balancer's probe interval.
   */
  drainMs: number;
  /** How long requests in flight may take to finish once the port is closed; then their connections are cut. */
  graceMs: number;
}

export const DEFAULT_SHUTDOWN: ShutdownOptions = { drainMs: 0, graceMs: 10_000 };

/** `apq`: Automatic Persisted Queries; `only`: nothing but the manifest's operations run; `off`: query text only. */
export type PersistedQueryMode = "apq" | "only" | "off";

export type ResponseCacheMode = "off" | "memory" | "redis";

/** Persisted queries, the anonymous response cache and the Cache-Control header of answers. */
export interface CachingOptions {
  persistedQueries: PersistedQueryMode;
  /** The safelist of `only` mode, written by `npm run persisted-queries`: sha256 -> query text. */
  manifestPath: string;
  /** Bound of the in-memory APQ store (characters of query text); with Redis, entries expire after a day instead. */
  apqCacheBytes: number;
  responseCache: ResponseCacheMode;
  /** How long a cached anonymous answer may be served; writes purge the answers showing what they changed sooner. */
  responseCacheTtlSeconds: number;
  /** Bound of the in-memory response cache (characters of response bodies). */
  responseCacheBytes: number;
  /** The longest `max-age` of anonymous query answers; each gets the smallest its fields allow (`max-age.ts`). */
  maxAgeSeconds: number;
  /** `s-maxage`: how long a CDN keeps an answer when it is sent purges (CDN_PURGE_URL); without, the max-age. */
  sharedMaxAgeSeconds: number;
  staleWhileRevalidateSeconds: number;
  /** Where each write's purge of CDN keys is POSTed, through the outbox; unset: no CDN purges. */
  cdnPurgeUrl?: string;
  /** Sent with each purge as `Authorization: Bearer` and `Fastly-Key`. */
  cdnPurgeToken?: string;
  /** APQ and response cache in Redis, shared by every instance (required by RESPONSE_CACHE=redis). */
  redisUrl?: string;
  /** Prefix of every Redis key the caches write: tests give each server its own. */
  keyPrefix: string;
}

/** What `createServer` does when not told: APQ in memory, no response cache (tests write around the services). */
export const DEFAULT_CACHING: CachingOptions = {
  persistedQueries: "apq",
  manifestPath: "operations/persisted-queries.json",
  apqCacheBytes: 8 * 1024 * 1024,
  responseCache: "off",
  responseCacheTtlSeconds: 60,
  responseCacheBytes: 64 * 1024 * 1024,
  maxAgeSeconds: 300,
  sharedMaxAgeSeconds: 86_400,
  staleWhileRevalidateSeconds: 30,
  keyPrefix: "broadsheet:",
};

export interface AuthConfig {
  /** HMAC key of sign-in and preview tokens; every instance must share it. */
  secret: string;
  sessionSeconds: number;
}

/** Only for development and tests: production refuses to start without JWT_SECRET. */
export const DEVELOPMENT_AUTH: AuthConfig = { secret: "broadsheet-development-secret-not-for-production", sessionSeconds: 12 * 3600 };

const MIN_SECRET_LENGTH = 32;

export const DEFAULT_SCHEDULER_INTERVAL_MS = 10_000;

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

const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;

export type LogFormat = "json" | "pretty";

const MAX_PORT = 65_535;

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const nodeEnv = env.NODE_ENV ?? "development";
  return {
    port: parsePort(env.PORT),
    databaseUrl: parseDatabaseUrl(env.DATABASE_URL),
    nodeEnv,
    isProduction: nodeEnv === "production",
    logLevel: parseChoice("LOG_LEVEL", env.LOG_LEVEL, LOG_LEVELS, "info"),
    logFormat: env.LOG_FORMAT ? parseChoice("LOG_FORMAT", env.LOG_FORMAT, ["json", "pretty"] as const, "json") : undefined,
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
    http: {
      introspection: parseSwitch("GRAPHQL_INTROSPECTION", env.GRAPHQL_INTROSPECTION, nodeEnv !== "production"),
      bodyLimitBytes: parseInteger("BODY_LIMIT_BYTES", env.BODY_LIMIT_BYTES, DEFAULT_HTTP.bodyLimitBytes),
      corsOrigins: parseOrigins(env.CORS_ORIGINS),
      wsMaxSubscriptions: parseInteger("WS_MAX_SUBSCRIPTIONS", env.WS_MAX_SUBSCRIPTIONS, DEFAULT_HTTP.wsMaxSubscriptions),
    },
    auth: {
      secret: parseSecret(env.JWT_SECRET, nodeEnv === "production"),
      sessionSeconds: parseInteger("SESSION_SECONDS", env.SESSION_SECONDS, DEVELOPMENT_AUTH.sessionSeconds),
    },
    schedulerIntervalMs: parseInteger("SCHEDULER_INTERVAL_MS", env.SCHEDULER_INTERVAL_MS, DEFAULT_SCHEDULER_INTERVAL_MS),
    comments: { settings: loadCommentSettings(env), mail: loadMailSettings(env), redisUrl: env.REDIS_URL || undefined },
    timeouts: {
      executionMs: parseInteger("EXECUTION_TIMEOUT_MS", env.EXECUTION_TIMEOUT_MS, DEFAULT_TIMEOUTS.executionMs),
      databaseConnectMs: parseInteger("DATABASE_CONNECT_TIMEOUT_MS", env.DATABASE_CONNECT_TIMEOUT_MS, DEFAULT_TIMEOUTS.databaseConnectMs),
    },
    shutdown: {
      drainMs: parseInteger("SHUTDOWN_DRAIN_MS", env.SHUTDOWN_DRAIN_MS, DEFAULT_SHUTDOWN.drainMs),
      graceMs: parseInteger("SHUTDOWN_GRACE_MS", env.SHUTDOWN_GRACE_MS, DEFAULT_SHUTDOWN.graceMs),
    },
    caching: loadCaching(env),
    redis: { timeoutMs: parsePositive("REDIS_TIMEOUT_MS", env.REDIS_TIMEOUT_MS, DEFAULT_REDIS.timeoutMs) },
    replicas: loadReplicas(env),
    tracing: {
      endpoint: parseHttpUrl("OTEL_EXPORTER_OTLP_ENDPOINT", env.OTEL_EXPORTER_OTLP_ENDPOINT),
      serviceName: env.OTEL_SERVICE_NAME || DEFAULT_TRACING.serviceName,
    },
  };
}

const POSTGRES_URL = /^postgres(ql)?:\/\//;

function loadReplicas(env: NodeJS.ProcessEnv): ReplicaOptions {
  const urls = (env.DATABASE_REPLICA_URLS ?? "").split(",").map((url) => url.trim()).filter(Boolean);
  for (const url of urls) {
    if (!POSTGRES_URL.test(url)) throw new Error(`DATABASE_REPLICA_URLS must list postgres:// URLs, got "${url}"`);
  }
  if (urls.length > 0 && !POSTGRES_URL.test(env.DATABASE_URL ?? "")) throw new Error("DATABASE_REPLICA_URLS needs a postgres:// DATABASE_URL");
  return {
    urls,
    maxLagMs: parseInteger("REPLICA_MAX_LAG_MS", env.REPLICA_MAX_LAG_MS, DEFAULT_REPLICAS.maxLagMs),
    checkIntervalMs: parsePositive("REPLICA_CHECK_INTERVAL_MS", env.REPLICA_CHECK_INTERVAL_MS, DEFAULT_REPLICAS.checkIntervalMs),
  };
}

function parseHttpUrl(name: string, raw: string | undefined): string | undefined {
  if (raw === undefined || raw === "") return undefined;
  if (URL.canParse(raw) && /^https?:$/.test(new URL(raw).protocol)) return raw;
  throw new Error(`${name} must be an http:// or https:// URL, got "${raw}"`);
}

function loadCaching(env: NodeJS.ProcessEnv): CachingOptions {
  const redisUrl = env.REDIS_URL || undefined;
  const responseCache = parseChoice("RESPONSE_CACHE", env.RESPONSE_CACHE, ["off", "memory", "redis"] as const, redisUrl ? "redis" : "memory");
  if (responseCache === "redis" && !redisUrl) throw new Error("RESPONSE_CACHE=redis needs REDIS_URL");
  return {
    persistedQueries: parseChoice("PERSISTED_QUERIES", env.PERSISTED_QUERIES, ["apq", "only", "off"] as const, DEFAULT_CACHING.persistedQueries),
    manifestPath: env.PERSISTED_QUERIES_MANIFEST || DEFAULT_CACHING.manifestPath,
    apqCacheBytes: parseInteger("APQ_CACHE_BYTES", env.APQ_CACHE_BYTES, DEFAULT_CACHING.apqCacheBytes),
    responseCache,
    responseCacheTtlSeconds: parseInteger("RESPONSE_CACHE_TTL_SECONDS", env.RESPONSE_CACHE_TTL_SECONDS, DEFAULT_CACHING.responseCacheTtlSeconds),
    responseCacheBytes: parseInteger("RESPONSE_CACHE_BYTES", env.RESPONSE_CACHE_BYTES, DEFAULT_CACHING.responseCacheBytes),
    maxAgeSeconds: parseInteger("CACHE_MAX_AGE_SECONDS", env.CACHE_MAX_AGE_SECONDS, DEFAULT_CACHING.maxAgeSeconds),
    sharedMaxAgeSeconds: parseInteger("CACHE_S_MAXAGE_SECONDS", env.CACHE_S_MAXAGE_SECONDS, DEFAULT_CACHING.sharedMaxAgeSeconds),
    staleWhileRevalidateSeconds: parseInteger(
      "CACHE_STALE_WHILE_REVALIDATE_SECONDS",
      env.CACHE_STALE_WHILE_REVALIDATE_SECONDS,
      DEFAULT_CACHING.staleWhileRevalidateSeconds,
    ),
    cdnPurgeUrl: parseHttpUrl("CDN_PURGE_URL", env.CDN_PURGE_URL),
    cdnPurgeToken: env.CDN_PURGE_TOKEN || undefined,
    redisUrl,
    keyPrefix: DEFAULT_CACHING.keyPrefix,
  };
}

function parsePort(raw: string | undefined): number {
  const port = parseInteger("PORT", raw, 4000);
  if (port > MAX_PORT) throw new Error(`PORT must be between 0 and ${MAX_PORT}, got "${raw}"`);
  return port;
}

/** `sqlite:PATH` or a `postgres://` URL that parses, so a typo fails here and not in the driver. */
function parseDatabaseUrl(raw: string | undefined): string {
  if (raw === undefined || raw === "") return DEFAULT_DATABASE_URL;
  if (raw.startsWith("sqlite:") && raw.length > "sqlite:".length) return raw;
  if (POSTGRES_URL.test(raw) && URL.canParse(raw)) return raw;
  throw new Error(`DATABASE_URL must be sqlite:PATH or postgres://user@host:5432/database, got "${raw}"`);
}

function parseChoice<T extends string>(name: string, raw: string | undefined, choices: readonly T[], fallback: T): T {
  if (raw === undefined || raw === "") return fallback;
  if ((choices as readonly string[]).includes(raw)) return raw as T;
  throw new Error(`${name} must be one of ${choices.join(", ")}, got "${raw}"`);
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

function parseInteger(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) {
    throw new Error(`${name} must be a non-negative integer, got "${raw}"`);
  }
  return value;
}

/** A duration that must not be zero: a zero bound or interval would spin or fail everything. */
function parsePositive(name: string, raw: string | undefined, fallback: number): number {
  const value = parseInteger(name, raw, fallback);
  if (value === 0) throw new Error(`${name} must be at least 1`);
  return value;
}

function parseSwitch(name: string, raw: string | undefined, fallback: boolean): boolean {
  if (raw === undefined || raw === "") return fallback;
  if (raw === "on" || raw === "off") return raw === "on";
  throw new Error(`${name} must be on or off, got "${raw}"`);
}

/** CORS_ORIGINS: unset or "*" for any origin, else a comma-separated list of exact origins. */
function parseOrigins(raw: string | undefined): "*" | string[] {
  if (raw === undefined || raw.trim() === "" || raw.trim() === "*") return "*";
  return raw.split(",").map((origin) => origin.trim()).filter(Boolean);
}
