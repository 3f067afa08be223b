import { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { DirectoryServices } from "../../directory";
import { RouteDeps } from "../../feature-module";
import { ErrorCode } from "../../../shared/errors";
import { etagOf, validate } from "../../../http/conditional-get";
import { refuse } from "../http-answers";
import { FeedDocument, FEED_MEDIA_TYPES, renderFeed } from "./feed-formats";
import { FEED_QUERIES, FeedFormat, FeedItem, FeedOwner, FeedOwnerKind, MAX_FEED_LIMIT, feedFileOf, feedLimitOf } from "./feed-source";

const messages = {
  noSuchFeed: "No such feed: feeds are /feeds/front, /feeds/section/<slug>, /feeds/author/<slug> or /feeds/tag/<slug>, each .rss, .atom or .json.\n",
  unknownOwner: (kind: FeedOwnerKind, slug: string) => `No ${kind} "${slug}".\n`,
  badLimit: `limit must be a whole number from 1 to ${MAX_FEED_LIMIT}.\n`,
  unavailable: "The feed cannot be read right now: try again shortly.\n",
};

/** Faults of the whole read (the database, the request budget): a client may retry them. */
const RETRYABLE = new Set<unknown>([ErrorCode.DATABASE_UNAVAILABLE, ErrorCode.EXECUTION_TIMEOUT]);

const OWNER_KINDS: readonly string[] = ["section", "author", "tag"] satisfies FeedOwnerKind[];

const TITLES: Record<FeedOwnerKind, (name: string) => string> = {
  section: (name) => name,
  author: (name) => `Articles by ${name}`,
  tag: (name) => `Articles tagged ${name}`,
};

/**
 * `GET /feeds/front.rss`, `/feeds/section/<slug>.atom`, `/feeds/author/<slug>.json`,
 * `/feeds/tag/<slug>.rss`…: the newest published articles, `?limit` of them
 * (20 unless given, at most 100), read through the API's own queries. Answers
 * carry the Cache-Control those queries get and an ETag (of the body) and
 * Last-Modified (the newest change to an item), and a request that names
 * them back gets a 304. The response cache keeps them by URL, purged with
 * the tags of what they show, like the GraphQL answers they are read from.
 */
export function registerFeedRoutes(app: FastifyInstance, deps: RouteDeps<DirectoryServices>): void {
  const cached = { config: { cachedByUrl: true } };
  app.get<{ Params: { file: string } }>("/feeds/:file", cached, (request, reply) => serveFeed(deps, request, reply, null, request.params.file));
  app.get<{ Params: { kind: string; file: string } }>("/feeds/:kind/:file", cached, (request, reply) =>
    OWNER_KINDS.includes(request.params.kind)
      ? serveFeed(deps, request, reply, request.params.kind as FeedOwnerKind, request.params.file)
      : refuse(reply, 404, messages.noSuchFeed),
  );
}

async function serveFeed(deps: RouteDeps<DirectoryServices>, request: FastifyRequest, reply: FastifyReply, kind: FeedOwnerKind | null, file: string) {
  const target = feedFileOf(file);
  if (!target || (kind === null && target.name !== "front")) return refuse(reply, 404, messages.noSuchFeed);
  const limit = feedLimitOf((request.query as Record<string, unknown>).limit);
  if (limit === null) return refuse(reply, 400, messages.badLimit);
  const variables = kind === null ? { first: limit } : { slug: target.name, first: limit };
  const answer = await deps.read<{ owner?: FeedOwner | null; articles?: FeedOwner["articles"] }>(request, FEED_QUERIES[kind ?? "front"], variables);
  if (answer.errors?.some((error) => RETRYABLE.has(error.extensions.code))) return refuse(reply, 503, messages.unavailable);
  if (answer.errors?.length) throw answer.errors[0];
  const { urls } = deps.services;
  const owner = kind === null ? null : answer.data!.owner;
  if (kind !== null && !owner) return refuse(reply, 404, messages.unknownOwner(kind, target.name));
  const items = owner ? owner.articles.nodes : answer.data!.articles!.nodes;
  const site = new URL(urls.home).host;
  const feed: FeedDocument = {
    title: owner && kind ? TITLES[kind](owner.name) : site,
    description: owner?.description || (owner && kind ? `${TITLES[kind](owner.name)}, newest first, from ${site}.` : `The newest articles from ${site}.`),
    homeUrl: owner?.url ?? urls.home,
    selfUrl: urls.at(request.url),
    id: urls.at(request.url.split("?")[0]),
    updated: lastChangeOf(items),
    items,
  };
  return sendFeed(request, reply, target.format, await renderFeed(target.format, feed), feed.updated, answer.cacheControl);
}

function sendFeed(request: FastifyRequest, reply: FastifyReply, format: FeedFormat, body: string, updated: Date, cacheControl: string) {
  reply.header("cache-control", cacheControl);
  if (validate(request, reply, etagOf(body), updated)) return reply.code(304).send();
  return reply.type(FEED_MEDIA_TYPES[format]).send(body);
}

/** The newest change to any item: what Last-Modified and the feeds' own dates say. */
function lastChangeOf(items: FeedItem[]): Date {
  return new Date(Math.max(0, ...items.map((item) => Date.parse(item.updatedAt))));
}
