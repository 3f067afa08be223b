import { DataSource } from "typeorm";
import { ContentChanged, nothingToPurge } from "./caching/content-changes";
import { FragmentCache, noFragmentCache } from "./caching/fragment-cache";
import {
  ArticleSettings,
  AuthConfig,
  CommentConfig,
  CommentSettings,
  DEFAULT_ARTICLE_SETTINGS,
  DEFAULT_COMMENT_SETTINGS,
  DEFAULT_MAIL_SETTINGS,
  DEFAULT_PUBLIC_URLS,
  DEFAULT_PUBLISHER,
  DEFAULT_REDIS,
  DEFAULT_SITEMAP_LIMITS,
  DEFAULT_VIEWS,
  DEFAULT_WEBHOOKS,
  DEVELOPMENT_AUTH,
  MailSettings,
  ViewOptions,
  PublicUrlOptions,
  PublisherOptions,
  WebhookOptions,
  SitemapLimits,
} from "./config";
import { Logger, createLogger } from "./logger";
import { featureModules } from "./modules";
import { ServiceDeps, ServicesOf } from "./modules/feature-module";
import { createMailTransport } from "./outbox/create-mail-transport";
import { DeliveryWorker } from "./outbox/delivery-worker";
import { createRateLimitStore } from "./rate-limit/create-rate-limit-store";
import { createPubSub } from "./realtime/create-pubsub";
import { RedisConnections } from "./redis/redis-connections";
import { MailTransport } from "./outbox/mail-transport";
import { WriteEvents } from "./outbox/write-events";

const silentLogger = createLogger("silent");

/** Comment settings, mail and Redis as configured; everything defaults (a single instance, mail to a file). */
export interface CommentOptions extends CommentConfig {
  /** Where the Redis clients come from (the server's, bounded by REDIS_TIMEOUT_MS); a set of its own by default. */
  redisConnections?: RedisConnections;
  /** Replaces the transport the mail settings choose (tests record mail with one). */
  transport?: MailTransport;
}

/**
 * Every service, wired once per process; only the context is per request.
 * The parts the modules share come first: the event bus, the outbox worker
 * that delivers mail and CDN purges, and the rate-limit counters.
 * `contentChanged` purges the anonymous response cache: every write path of
 * visible content calls it after its commit. `articles` holds the reading
 * speed and the image service.
 * `urls` (PUBLIC_URL, ARTICLE_URL_TEMPLATE) make the canonical URLs and
 * the links in mail; `publisher` (PUBLISHER_*) names who publishes in
 * structured data and news sitemaps. `webhooks`: WEBHOOK_ALLOW_PRIVATE and
 * the delivery schedule, which tests shorten.
 */
export interface ServiceOptions {
  auth?: AuthConfig;
  logger?: Logger;
  comments?: CommentOptions;
  contentChanged?: ContentChanged;
  /** Where parts of answers are kept (the response cache's store); none by default. */
  fragments?: FragmentCache;
  views?: ViewOptions;
  articles?: Partial<ArticleSettings>;
  urls?: PublicUrlOptions;
  publisher?: PublisherOptions;
  webhooks?: Partial<WebhookOptions>;
  sitemaps?: SitemapLimits;
}

export function createServices(
  dataSource: DataSource,
  {
    auth = DEVELOPMENT_AUTH,
    logger = silentLogger,
    comments: options = {},
    contentChanged = nothingToPurge,
    fragments = noFragmentCache,
    views = DEFAULT_VIEWS,
    articles = {},
    urls = DEFAULT_PUBLIC_URLS,
    publisher = DEFAULT_PUBLISHER,
    webhooks = {},
    sitemaps = DEFAULT_SITEMAP_LIMITS,
  }: ServiceOptions = {},
) {
  const articleSettings: ArticleSettings = { ...DEFAULT_ARTICLE_SETTINGS, ...articles };
  const comments: CommentSettings = { ...DEFAULT_COMMENT_SETTINGS, ...options.settings };
  const mail: MailSettings = { ...DEFAULT_MAIL_SETTINGS, ...options.mail };
  const connections = options.redisConnections ?? new RedisConnections(DEFAULT_REDIS, logger);
  const pubsub = createPubSub(options.redisUrl, connections, logger);
  const rateLimitStore = createRateLimitStore(options.redisUrl, connections);
  const transport = options.transport ?? createMailTransport(mail, logger);
  const outboxWorker = new DeliveryWorker(dataSource, transport, logger, mail.deliver);
  const events = new WriteEvents(() => outboxWorker.nudge());
  // Every write that emits an event also changes what readers see, and calls this after its commit.
  const changed: ContentChanged = async (tags) => {
    events.committed();
    await contentChanged(tags);
  };
  const references = featureModules.flatMap((module) => module.references ?? []);
  const nestedPages = featureModules.flatMap((module) => module.nestedPages ?? []);
  const services = {} as ServicesOf<typeof featureModules>;
  for (const module of featureModules) {
    const deps: ServiceDeps = {
      dataSource,
      logger,
      auth,
      comments,
      articles: articleSettings,
      contentChanged: changed,
      fragments,
      pubsub,
      outboxWorker,
      events,
      webhooks: { ...DEFAULT_WEBHOOKS, ...webhooks },
      rateLimitStore,
      views,
      redisConnections: connections,
      urls,
      publisher,
      sitemaps,
      references,
      nestedPages,
      services,
    };
    Object.assign(services, module.services(deps));
  }
  return {
    ...services,
    pubsub,
    outboxWorker,
    contentChanged,
    /**
     * Starts the outbox worker's polling (`OUTBOX_POLL_MS`; 0: deliver only right after commits), the flush of counted views
     * and the content backfill, whose first batch is done when this resolves.
     */
    startBackgroundWork: async () => {
      outboxWorker.start(mail.pollMs);
      services.viewCounter.start();
      await services.contentBackfill.start();
    },
    /**
     * Releases what this opened (Redis connections, the worker, the mail
     * transport), after writing the views counted since the last flush:
     * called once requests have stopped, before the database closes.
     */
    closeComments: async () => {
      await services.contentBackfill.stop();
      await services.viewCounter.stop();
      await outboxWorker.stop();
      await Promise.all([pubsub.close(), rateLimitStore.close(), services.seenReaders.close(), transport.close?.()]);
    },
  };
}

export type Services = ReturnType<typeof createServices>;
