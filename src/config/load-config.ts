import { ArticleSettings, loadArticleSettings } from "./articles";
import { AuthConfig, loadAuth } from "./auth";
import { CachingOptions, loadCaching } from "./caching";
import { CommentConfig, loadCommentSettings } from "./comments";
import { DEFAULT_SQLITE_READERS, parseDatabaseUrl } from "./database";
import { HttpOptions, loadHttp, parsePort } from "./http";
import { OperationLimits, loadLimits } from "./limits";
import { LogFormat, parseLogFormat, parseLogLevel } from "./logging";
import { loadMailSettings } from "./mail";
import { parseInteger, parseSwitch } from "./parse";
import { PublicUrlOptions, loadPublicUrls } from "./public-urls";
import { PublisherOptions, loadPublisher } from "./publisher";
import { RedisOptions, loadRedis } from "./redis";
import { ReplicaOptions, loadReplicas } from "./replicas";
import { ShutdownOptions, loadShutdown } from "./shutdown";
import { TimeoutOptions, loadTimeouts } from "./timeouts";
import { TracingOptions, loadTracing } from "./tracing";
import { ViewOptions, loadViews } from "./views";
import { WebhookOptions, loadWebhooks } from "./webhooks";

/**
 * Every environment variable the server reads, parsed and validated once.
 * Everything is optional; `.env.example` lists them with their defaults.
 */
export interface Config {
  port: number;
  databaseUrl: string;
  /** SQLITE_READERS: threads that run a SQLite file's reads (0: all on the event loop's thread). */
  sqliteReaders: number;
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
  /** READING_WORDS_PER_MINUTE, and IMAGE_SERVICE with its URL and secrets: see `articles.ts` and `images.ts`. */
  articles: ArticleSettings;
  /** COMMENT_*, SMTP_URL, MAIL_*, OUTBOX_POLL_MS and REDIS_URL: see `comments.ts` and `mail.ts`. */
  comments: CommentConfig;
  /** PUBLIC_URL and ARTICLE_URL_TEMPLATE: the canonical URLs (`url` fields, feeds) and the links in mail. */
  urls: PublicUrlOptions;
  /** PUBLISHER_NAME, PUBLISHER_LOGO_URL and PUBLICATION_LANGUAGE: who publishes, for structured data, sitemaps and feeds. */
  publisher: PublisherOptions;
  timeouts: TimeoutOptions;
  shutdown: ShutdownOptions;
  caching: CachingOptions;
  /** REDIS_TIMEOUT_MS: the bound of every Redis command. */
  redis: RedisOptions;
  replicas: ReplicaOptions;
  /** OpenTelemetry traces, off unless OTEL_EXPORTER_OTLP_ENDPOINT is set. */
  tracing: TracingOptions;
  /** VIEW_FLUSH_INTERVAL_MS, VIEW_RATE_LIMIT and REDIS_URL: how "Most read" counts views. */
  views: ViewOptions;
  /** WEBHOOK_ALLOW_PRIVATE, and the delivery schedule: see `webhooks.ts`. */
  webhooks: WebhookOptions;
}

export const DEFAULT_SCHEDULER_INTERVAL_MS = 10_000;

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const nodeEnv = env.NODE_ENV ?? "development";
  const isProduction = nodeEnv === "production";
  return {
    port: parsePort(env.PORT),
    databaseUrl: parseDatabaseUrl(env.DATABASE_URL),
    sqliteReaders: parseInteger("SQLITE_READERS", env.SQLITE_READERS, DEFAULT_SQLITE_READERS),
    nodeEnv,
    isProduction,
    logLevel: parseLogLevel(env),
    logFormat: parseLogFormat(env),
    demoArticles: parseInteger("DEMO_ARTICLES", env.DEMO_ARTICLES, 200),
    loaderBatching: parseSwitch("LOADER_BATCHING", env.LOADER_BATCHING, true),
    limits: loadLimits(env),
    http: loadHttp(env, isProduction),
    auth: loadAuth(env, isProduction),
    schedulerIntervalMs: parseInteger("SCHEDULER_INTERVAL_MS", env.SCHEDULER_INTERVAL_MS, DEFAULT_SCHEDULER_INTERVAL_MS),
    articles: loadArticleSettings(env),
    comments: { settings: loadCommentSettings(env), mail: loadMailSettings(env), redisUrl: env.REDIS_URL || undefined },
    urls: loadPublicUrls(env),
    publisher: loadPublisher(env),
    timeouts: loadTimeouts(env),
    shutdown: loadShutdown(env),
    caching: loadCaching(env),
    redis: loadRedis(env),
    replicas: loadReplicas(env),
    tracing: loadTracing(env),
    views: loadViews(env),
    webhooks: loadWebhooks(env),
  };
}
