import "reflect-metadata";
import { FastifyInstance, FastifyRequest } from "fastify";
import { DocumentNode, ExecutionResult } from "graphql";
import { ClassType } from "type-graphql";
import { DataSource, EntityManager } from "typeorm";
import { AnswerTagRules } from "../caching/answer-tags";
import { ContentChanged } from "../caching/content-changes";
import { FragmentCache } from "../caching/fragment-cache";
import { ArticleSettings, AuthConfig, CommentSettings, PublicUrlOptions, PublisherOptions, SitemapLimits, ViewOptions, WebhookOptions } from "../config";
import { Logger } from "../logger";
import { DeliveryWorker } from "../outbox/delivery-worker";
import { WriteEvents } from "../outbox/write-events";
import { RateLimitStore } from "../rate-limit/rate-limit-store";
import { RedisConnections } from "../redis/redis-connections";
import { PubSub } from "../realtime/pubsub";
import { NestedPages } from "../shared/pagination/nested-pages";
import { LoaderFactory } from "../shared/pagination/paged-loader";

/** What every module's services are built from: the process's shared parts, and the services of the modules below it. */
export interface ServiceDeps<Needs extends object = object> {
  dataSource: DataSource;
  logger: Logger;
  auth: AuthConfig;
  comments: CommentSettings;
  /** Reading speed and the image service. */
  articles: ArticleSettings;
  /** PUBLIC_URL and ARTICLE_URL_TEMPLATE: where the publication's pages are. */
  urls: PublicUrlOptions;
  /** PUBLISHER_NAME, PUBLISHER_LOGO_URL, PUBLICATION_LANGUAGE: who publishes, for news sitemaps and structured data. */
  publisher: PublisherOptions;
  /** How many URLs a sitemap holds (the protocols' caps unless a test lowers them). */
  sitemaps: SitemapLimits;
  /** Purges what a committed write changed from the response cache and CDNs. */
  contentChanged: ContentChanged;
  /** Parts of answers kept beside them in the response cache's store, purged by the same tags (off with the cache). */
  fragments: FragmentCache;
  /** The deployment's event bus (Redis pub/sub across instances). */
  pubsub: PubSub;
  /** Mail and CDN purges, delivered after the transaction that queued them. */
  outboxWorker: DeliveryWorker;
  /** What writes emit in their transactions (`article.published`…) for later modules to queue deliveries with. */
  events: WriteEvents;
  /** WEBHOOK_ALLOW_PRIVATE and the delivery schedule. */
  webhooks: WebhookOptions;
  rateLimitStore: RateLimitStore;
  /** How views are counted for "Most read" (VIEW_*). */
  views: ViewOptions;
  /** Where a module opens the Redis clients it needs: bounded commands, reported by `/healthz`. */
  redisConnections: RedisConnections;
  /** Every module's rows that point at other modules' rows (see `EntryReference`). */
  references: EntryReference[];
  /** Every module's connection fields on other modules' types that those types' lists can read with their rows (see `NestedPages`). */
  nestedPages: NestedPages[];
  /** The services of the modules listed before this one. */
  services: Needs;
}

/**
 * Rows of one module that point at another module's row: counted before
 * that row is deleted (a CONFLICT names them), or moved to the row that
 * takes over (a merge).
 */
export interface EntryReference {
  /** The type of the row pointed at. */
  type: string;
  /** How a CONFLICT names the rows: "articles", "accounts". */
  name: string;
  count(manager: EntityManager, id: number): Promise<number>;
  move(manager: EntityManager, id: number, targetId: number): Promise<void>;
}

/**
 * A feature module as the rest of the server sees it: exported once from
 * the module's `index.ts` and listed in `modules/index.ts`, from which the
 * schema, the services, the context and the entity list are built.
 */
export interface FeatureModule<Services extends object = object, Loaders extends object = object> {
  name: string;
  /** Resolvers of queries, mutations and fields, including fields this module adds to other modules' types. */
  resolvers: ClassType[];
  /** Resolvers of subscription fields: what the module publishes live. */
  subscriptions?: ClassType[];
  entities: ClassType[];
  /** Wired once per process. */
  services(deps: ServiceDeps<any>): Services;
  /** Made fresh for every request. */
  loaders?(services: Services, make: LoaderFactory): Loaders;
  /** What the answers that show this module's objects and lists are tagged with, for purges. */
  cacheTags?: AnswerTagRules;
  /** This module's rows that point at other modules' rows (see `EntryReference`). */
  references?: EntryReference[];
  /** This module's connection fields on other modules' types whose pages those types' lists may read with their rows. */
  nestedPages?: NestedPages[];
  /** HTTP routes beside `/graphql` (feeds, sitemaps), registered once per server after the GraphQL route. */
  routes?(app: FastifyInstance, deps: RouteDeps<any>): void;
}

/** What a module's HTTP routes are given: the services of every module (those before it included), and reads through the API itself. */
export interface RouteDeps<Services extends object = object> {
  services: Services;
  /**
   * Runs a query in-process as an anonymous reader over HTTP would: the
   * same schema, fresh loaders, the request budget, and the answer's cache
   * tags collected for `request` (a shareable 200 then gets its CDN keys).
   * `cacheControl` is the header that answer would get over /graphql.
   */
  read<T = Record<string, unknown>>(
    request: FastifyRequest,
    document: DocumentNode,
    variables: Record<string, unknown>,
  ): Promise<ExecutionResult<T> & { cacheControl: string }>;
  /** The Cache-Control of a public answer read outside the schema, which no purge reaches: the max-age only, for browsers and CDNs alike. */
  untaggedCacheControl: string;
}

/** Keeps a manifest's own types (its services and loaders) while checking it against `FeatureModule`. */
export function defineModule<Services extends object, Loaders extends object = object>(
  manifest: FeatureModule<Services, Loaders>,
): FeatureModule<Services, Loaders> {
  return manifest;
}

type UnionToIntersection<U> = (U extends unknown ? (value: U) => void : never) extends (value: infer I) => void ? I : never;

/** The services of every module of a list, in one object. */
export type ServicesOf<Modules extends readonly FeatureModule<any, any>[]> = UnionToIntersection<ReturnType<Modules[number]["services"]>>;

/** The loaders of every module of a list, in one object. */
export type LoadersOf<Modules extends readonly FeatureModule<any, any>[]> = UnionToIntersection<LoadersOfOne<Modules[number]>>;

type LoadersOfOne<Module> = Module extends FeatureModule<any, infer Loaders> ? Loaders : never;
