import { randomUUID } from "node:crypto";
import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginCacheControlDisabled } from "@apollo/server/plugin/disabled";
import fastifyApollo from "@as-integrations/fastify";
import Fastify, { FastifyError, FastifyInstance, FastifyRequest } from "fastify";
import { DocumentNode, GraphQLSchema, execute } from "graphql";
import { DataSource } from "typeorm";
import { Arrival, Context, contextBuilder, releaseLoadersPlugin } from "./context";
import { AnswerRelease } from "./http/answer-release";
import { compiledExecution } from "./http/compiled-execution";
import { errorLoggingPlugin, maskError } from "./http/error-masking";
import { metricsPlugin } from "./http/metrics.plugin";
import { GRAPHQL_PATH } from "./http/graphql-params";
import { registerOperationalRoutes } from "./http/operations.routes";
import { registerGraphiql } from "./http/graphiql.routes";
import { landingPageWithGraphiql } from "./http/landing-page.plugin";
import cors from "@fastify/cors";
import { CacheControlOptions, NO_STORE, cacheControlPlugin, publicCacheControl, varyOnCredentials } from "./caching/cache-control.plugin";
import { maxAgeOf } from "./caching/max-age";
import { createCaching } from "./caching/create-caching";
import { safelist } from "./caching/persisted-queries";
import { collectAnswerTags } from "./caching/answer-tags";
import { RequestTags } from "./caching/request-tags";
import { registerResponseCache } from "./caching/response-cache.hooks";
import {
  ArticleSettings,
  AuthConfig,
  CachingOptions,
  Config,
  DEFAULT_CACHING,
  DEFAULT_HTTP,
  DEFAULT_LIMITS,
  DEFAULT_PUBLIC_URLS,
  DEFAULT_PUBLISHER,
  DEFAULT_REDIS,
  DEFAULT_REPLICAS,
  DEFAULT_SCHEDULER_INTERVAL_MS,
  DEFAULT_SHUTDOWN,
  DEFAULT_TIMEOUTS,
  DEFAULT_SQLITE_READERS,
  DEFAULT_VIEWS,
  DEVELOPMENT_AUTH,
  HttpOptions,
  OperationLimits,
  PublicUrlOptions,
  PublisherOptions,
  SitemapLimits,
  RedisOptions,
  ReplicaOptions,
  ShutdownOptions,
  TimeoutOptions,
  ViewOptions,
  WebhookOptions,
} from "./config";
import { faultResponsesPlugin } from "./http/fault-responses";
import { queryCostPlugin } from "./http/limits/query-cost";
import { queryTextLimits } from "./http/limits/query-text";
import { shapeLimitRules } from "./http/limits/shape-rules";
import { Logger } from "./logger";
import { RedisConnections } from "./redis/redis-connections";
import { featureModules } from "./modules";
import { RouteDeps } from "./modules/feature-module";
import { PublicationScheduler } from "./modules/article";
import { refreshPlannerStatistics } from "./database/planner-statistics";
import { useFastTimestamps } from "./database/pg-timestamps";
import { runPooledStatements } from "./database/pooled-statements";
import { readOnReaderThreads } from "./database/sqlite-readers";
import { serveSubscriptions } from "./realtime/graphql-ws";
import { ReadReplicas } from "./replication/read-replicas";
import { readRouteHook, readYourWritesPlugin } from "./replication/read-route";
import { purgingAgainAfter, readYourWritesWindowMs } from "./replication/read-your-writes";
import { buildSchema } from "./schema";
import { CommentOptions, createServices } from "./services";
import { Clock, systemClock } from "./shared/deadline";
import { Tracing } from "./telemetry";
import { BATCHED, LoaderOptions } from "./shared/pagination/paged-loader";

export interface ServerDeps {
  dataSource: DataSource;
  logger: Logger;
  /** Batched unless told otherwise: only the bench's naive build turns batching off. */
  loaderOptions?: LoaderOptions;
  /** Threads for a SQLite file's reads (`SqliteReaders`); one unless given, none in memory or on PostgreSQL. */
  sqliteReaders?: number;
  limits?: OperationLimits;
  http?: HttpOptions;
  auth?: AuthConfig;
  /** How often scheduled articles are looked for; 0 turns this instance's scheduler off. */
  schedulerIntervalMs?: number;
  /** Moderation, flood control, mail and Redis for the comment write path; defaults suit one instance. */
  comments?: CommentOptions;
  /** Reading speed and the image service; 230 words a minute and no image service unless given. */
  articles?: Partial<ArticleSettings>;
  /** The request budget; on PostgreSQL the data source must be made with the same (see `createDataSource`). */
  timeouts?: TimeoutOptions;
  shutdown?: ShutdownOptions;
  /** What request budgets are measured on; tests inject a clock they move themselves. */
  clock?: Clock;
  /** Persisted queries, the anonymous response cache and Cache-Control; by default APQ in memory and no response cache. */
  caching?: CachingOptions;
  /** The bound of every Redis command (`REDIS_TIMEOUT_MS`). */
  redis?: RedisOptions;
  /** PostgreSQL read replicas for anonymous reads; the data source must be made `replicated` (see `createDataSource`). */
  replicas?: ReplicaOptions;
  /** Spans for requests, operations and statements; none when not given (OTEL_EXPORTER_OTLP_ENDPOINT unset). */
  tracing?: Tracing;
  /** How "Most read" counts views: the flush interval, the rate limit, Redis; by default in memory, flushed every 10 s. */
  views?: ViewOptions;
  /** PUBLIC_URL and ARTICLE_URL_TEMPLATE: the canonical URLs of the `url` fields and the feeds. */
  urls?: PublicUrlOptions;
  /** PUBLISHER_NAME, PUBLISHER_LOGO_URL and PUBLICATION_LANGUAGE: who publishes, named in structured data and news sitemaps; "Broadsheet" in English unless given. */
  publisher?: PublisherOptions;
  /** WEBHOOK_ALLOW_PRIVATE and the delivery schedule; private addresses refused, the reference schedule, unless given. */
  webhooks?: Partial<WebhookOptions>;
  /** URLs per sitemap; the protocols' caps unless a test lowers them. */
  sitemaps?: SitemapLimits;
}

export interface Server {
  app: FastifyInstance;
  /**
   * SIGTERM: `/readyz` answers 503 while requests are still served for the
   * drain period, then `close()`.
   */
  shutdown(): Promise<void>;
  /**
   * Stops the scheduler, closes WebSockets (1001), stops taking requests and
   * lets those in flight finish within the grace period (then cuts their
   * connections), and stops the outbox worker after the last of them.
   */
  close(): Promise<void>;
}

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** Every option of `createServer` from the parsed environment: `main` passes them all through here. */
export function serverOptionsFrom(config: Config): Omit<ServerDeps, "dataSource" | "logger"> {
  return {
    loaderOptions: { batching: config.loaderBatching },
    sqliteReaders: config.sqliteReaders,
    limits: config.limits,
    http: config.http,
    auth: config.auth,
    schedulerIntervalMs: config.schedulerIntervalMs,
    comments: config.comments,
    articles: config.articles,
    timeouts: config.timeouts,
    shutdown: config.shutdown,
    caching: config.caching,
    redis: config.redis,
    replicas: config.replicas,
    views: config.views,
    urls: config.urls,
    publisher: config.publisher,
    webhooks: config.webhooks,
  };
}

/** The HTTP server with every route, not yet listening: `main` and the tests share it. */
export async function createServer({
  dataSource,
  logger,
  loaderOptions = BATCHED,
  sqliteReaders = DEFAULT_SQLITE_READERS,
  limits = DEFAULT_LIMITS,
  http = DEFAULT_HTTP,
  auth = DEVELOPMENT_AUTH,
  schedulerIntervalMs = DEFAULT_SCHEDULER_INTERVAL_MS,
  comments = {},
  articles = {},
  timeouts = DEFAULT_TIMEOUTS,
  shutdown = DEFAULT_SHUTDOWN,
  clock = systemClock,
  caching: cachingOptions = DEFAULT_CACHING,
  redis = DEFAULT_REDIS,
  replicas: replicaOptions = DEFAULT_REPLICAS,
  tracing,
  views = DEFAULT_VIEWS,
  urls = DEFAULT_PUBLIC_URLS,
  publisher = DEFAULT_PUBLISHER,
  webhooks,
  sitemaps,
}: ServerDeps): Promise<Server> {
  runPooledStatements(dataSource);
  useFastTimestamps(dataSource);
  const readers = readOnReaderThreads(dataSource, sqliteReaders, logger);
  const app = Fastify({ logger: false, genReqId: requestIdOf, bodyLimit: http.bodyLimitBytes });
  tracing?.instrument(app, dataSource);
  const replicas = replicaOptions.urls.length > 0 ? new ReadReplicas(dataSource, replicaOptions, logger) : null;
  await replicas?.start();
  const redisConnections = new RedisConnections(redis, logger);
  const caching = createCaching(cachingOptions, limits, logger, dataSource, redisConnections);
  const schema = collectAnswerTags(
    buildSchema(),
    featureModules.flatMap((module) => module.cacheTags ?? []),
  );
  const requestTags = new RequestTags();
  const answers = new AnswerRelease();
  const cacheControl: CacheControlOptions = {
    maxAgeSeconds: cachingOptions.maxAgeSeconds,
    sharedMaxAgeSeconds: cachingOptions.cdnPurgeUrl ? cachingOptions.sharedMaxAgeSeconds : null,
    staleWhileRevalidateSeconds: cachingOptions.staleWhileRevalidateSeconds,
  };
  const apollo = new ApolloServer<Context>({
    gateway: compiledExecution(schema),
    formatError: maskError,
    includeStacktraceInErrorResponses: false,
    introspection: http.introspection,
    // "Did you mean …" suggestions reveal the schema as much as introspection does.
    hideSchemaDetailsFromClientErrors: !http.introspection,
    // `main` owns the signals and closes everything in order; Apollo's own handler would re-raise SIGTERM mid-shutdown.
    stopOnTerminationSignals: false,
    validationRules: shapeLimitRules(limits),
    persistedQueries: caching.persistedQueries,
    plugins: [
      // No field sets cache hints, yet the default cache-control plugin wraps every field's resolver
      // to compute a policy nobody reads (BENCHMARKS.md has what that cost).
      ApolloServerPluginCacheControlDisabled(),
      errorLoggingPlugin(logger),
      metricsPlugin(),
      queryCostPlugin(limits.cost),
      faultResponsesPlugin(),
      cacheControlPlugin(schema, cacheControl),
      ...(replicas ? [readYourWritesPlugin(readYourWritesWindowMs(replicaOptions))] : []),
      ...(tracing ? [tracing.operationPlugin()] : []),
      // Where introspection is on, browsers get Sandbox and the GraphiQL it links to; else Apollo's default page.
      ...(http.introspection ? [landingPageWithGraphiql()] : []),
      answers.plugin(),
      // Last: every other plugin's willSendResponse has run when the request's loaders go.
      releaseLoadersPlugin(),
    ],
  });
  await apollo.start();

  const services = createServices(dataSource, {
    auth,
    logger,
    comments: { ...comments, redisConnections },
    contentChanged: replicas ? purgingAgainAfter(caching.contentChanged, readYourWritesWindowMs(replicaOptions)) : caching.contentChanged,
    fragments: caching.fragments,
    views,
    articles,
    urls,
    publisher,
    webhooks,
    sitemaps,
  });
  caching.cdnPurges?.deliverWith(services.outboxWorker);
  const scheduler = new PublicationScheduler(services.publisher, logger, schedulerIntervalMs);
  let draining = false;
  app.setErrorHandler(graphqlShapedError(logger));
  app.addHook("onSend", async (request, reply) => {
    reply.header("x-request-id", request.id);
    // Clients on a keep-alive connection move to another instance while this one drains.
    if (draining) reply.header("connection", "close");
    // Refusals Fastify answers before Apollo (limits, safelist, 413) are no one's to cache either.
    if (request.routeOptions.url !== GRAPHQL_PATH) return;
    if (!reply.hasHeader("cache-control")) reply.header("cache-control", NO_STORE);
    varyOnCredentials(reply);
  });
  await app.register(cors, { origin: http.corsOrigins });
  registerOperationalRoutes(
    app,
    dataSource,
    () => draining,
    () => [...redisConnections.degraded(), ...(replicas?.degraded() ?? [])],
  );
  app.get("/", async (_request, reply) => reply.redirect(GRAPHQL_PATH));
  if (http.introspection) registerGraphiql(app);
  app.addHook("preHandler", queryTextLimits(limits));
  if (caching.manifest) app.addHook("preHandler", safelist(caching.manifest));
  requestTags.register(app);
  answers.register(app);
  registerResponseCache(app, caching.responseCache, requestTags, logger);
  if (replicas) app.addHook("preHandler", readRouteHook);
  const contextOf = contextBuilder(services, loaderOptions, timeouts.executionMs, clock);
  await app.register(fastifyApollo(apollo), {
    context: (request: FastifyRequest) =>
      contextOf({
        requestId: request.id,
        authorization: request.headers.authorization,
        clientAddress: request.ip,
        userAgent: request.headers["user-agent"],
        cacheTags: answers.track(request, requestTags.track(request)),
      }),
  });
  // Modules' own routes (feeds…) read through the schema too, so their answers are tagged and budgeted like /graphql's.
  const routeDeps: RouteDeps<typeof services> = {
    services,
    read: inProcessReads(schema, contextOf, requestTags, cacheControl),
    untaggedCacheControl: publicCacheControl(cachingOptions.maxAgeSeconds, { ...cacheControl, sharedMaxAgeSeconds: null }),
  };
  for (const module of featureModules) module.routes?.(app, routeDeps);
  const stopSubscriptions = serveSubscriptions(
    app.server,
    buildSchema(),
    (request, live) =>
      contextOf({
        requestId: randomUUID(),
        authorization: request.headers.authorization,
        clientAddress: request.socket.remoteAddress ?? "unknown",
        userAgent: request.headers["user-agent"],
        live,
      }),
    logger,
    {
      operations: limits,
      introspection: http.introspection,
      maxPayloadBytes: http.bodyLimitBytes,
      maxSubscriptions: http.wsMaxSubscriptions,
      manifest: caching.manifest,
    },
  );
  await services.startBackgroundWork();
  scheduler.start();
  const stopStatistics = refreshPlannerStatistics(dataSource, logger);
  const close = async () => {
    await scheduler.stop();
    stopStatistics();
    await stopSubscriptions();
    await closeWithin(app, shutdown.graceMs);
    await services.closeComments();
    await caching.close();
    await replicas?.stop();
    await readers?.stop();
  };
  return {
    app,
    close,
    shutdown: async () => {
      draining = true;
      await new Promise((resolve) => setTimeout(resolve, shutdown.drainMs));
      await close();
    },
  };
}

/** Closes the port and waits for requests in flight; after `graceMs` their connections are cut. */
async function closeWithin(app: FastifyInstance, graceMs: number): Promise<void> {
  const cut = setTimeout(() => app.server.closeAllConnections(), graceMs);
  try {
    await app.close();
  } finally {
    clearTimeout(cut);
  }
}

/**
 * `RouteDeps.read`: a query run on the schema (not Apollo's HTTP layer) for
 * an anonymous reader, its tags collected for `request`, with the
 * Cache-Control the same answer would get over /graphql.
 */
function inProcessReads(
  schema: GraphQLSchema,
  contextOf: (arrival: Arrival) => Promise<Context>,
  requestTags: RequestTags,
  cacheControl: CacheControlOptions,
): RouteDeps["read"] {
  return async <T>(request: FastifyRequest, document: DocumentNode, variables: Record<string, unknown>) => {
    const contextValue = await contextOf({
      requestId: request.id,
      authorization: undefined,
      clientAddress: request.ip,
      userAgent: request.headers["user-agent"],
      cacheTags: requestTags.track(request),
    });
    const result = await execute({ schema, document, variableValues: variables, contextValue });
    const header = result.errors?.length ? NO_STORE : publicCacheControl(maxAgeOf(schema, document, cacheControl.maxAgeSeconds), cacheControl);
    return { ...(result as { data?: T }), errors: result.errors, cacheControl: header };
  };
}

const HTTP_ERROR_CODES: Record<number, string> = { 413: "PAYLOAD_TOO_LARGE", 415: "UNSUPPORTED_MEDIA_TYPE" };

function requestIdOf(request: { headers: Record<string, string | string[] | undefined> }): string {
  const given = request.headers["x-request-id"];
  return typeof given === "string" && REQUEST_ID.test(given) ? given : randomUUID();
}

/**
 * Errors raised before GraphQL runs (unparsable JSON, an unsupported content
 * type, a body over the limit) answer in GraphQL's error shape with a code,
 * keeping their HTTP status; anything unexpected is masked and logged.
 */
function graphqlShapedError(logger: Logger) {
  return (error: FastifyError, request: FastifyRequest, reply: { code(status: number): { send(body: unknown): unknown } }) => {
    const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
    if (status === 500) {
      logger.error({ err: error, requestId: request.id }, "unexpected HTTP error");
      return reply.code(500).send({
        errors: [{ message: "Internal server error", extensions: { code: "INTERNAL_SERVER_ERROR", requestId: request.id } }],
      });
    }
    return reply.code(status).send({ errors: [{ message: error.message, extensions: { code: HTTP_ERROR_CODES[status] ?? "BAD_REQUEST" } }] });
  };
}
