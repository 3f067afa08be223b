import { createHash } from "node:crypto";
import { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { validate } from "../http/conditional-get";
import { graphqlParamsOf, operationHashOf } from "../http/graphql-params";
import { Logger } from "../logger";
import { responseCacheHits, responseCacheMisses } from "../metrics";
import { carriesCredentials, passesCsrfPrevention } from "./anonymous";
import { isPublic } from "./cache-control.plugin";
import { cdnCacheable, setCdnTags } from "./cdn-tags";
import { RequestTags } from "./request-tags";
import { CachedAnswer, ResponseCache, StoreAt } from "./response-cache";

declare module "fastify" {
  interface FastifyContextConfig {
    /** A GET route whose anonymous answers the response cache keeps by URL, as it keeps GraphQL answers by operation (the feeds). */
    cachedByUrl?: boolean;
  }
}

/** Answers bigger than this are not kept: they would crowd out many small ones. */
const MAX_ANSWER_CHARACTERS = 1024 * 1024;

/** A miss waiting for its answer: stored under the key, if no tag of it was purged since the lookup. */
interface Pending extends StoreAt {
  key: string;
  /** Hands the answer computed (or null: none that may be shared) to the requests for the same key that waited for it. */
  settle(answer: CachedAnswer | null): void;
}

/** An answer being computed on this instance, and the purge clock of the lookup that missed it. */
interface Flight {
  since: string;
  answer: Promise<CachedAnswer | null>;
}

/**
 * The anonymous response cache on the GraphQL route, before anything is
 * parsed, and on GET routes marked `cachedByUrl`: a preHandler answers a
 * hit from the cache (a 304 when a conditional GET names the hit's
 * validators); on a miss, an onSend hook keeps the answer if it is a
 * shareable 200 (for GraphQL: `cacheControlPlugin` found an anonymous query
 * answered without errors). Requests with a credential neither read nor
 * fill it. Registered after the limits and the safelist, so what they
 * refuse is refused here too.
 */
export function registerResponseCache(app: FastifyInstance, cache: ResponseCache, requestTags: RequestTags, logger: Logger): void {
  if (!cache.enabled) return;
  const pending = new WeakMap<FastifyRequest, Pending>();
  /**
   * This instance's misses being answered, by key: a request for an answer
   * already being computed waits for it instead of computing it again, so a
   * purge of a busy page costs one execution, not one per request meanwhile.
   * A request joins a computation only if nothing was purged between their
   * lookups (their purge clocks are equal). It then gets the answer even if
   * a purge while it was computed kept it from being stored: that write had
   * not completed when the request arrived, so the answer is one the request
   * could have read itself. Requests after the purge compute a new one.
   */
  const inFlight = new Map<string, Flight>();

  app.addHook("preHandler", async (request: FastifyRequest, reply: FastifyReply) => {
    const key = cacheKeyOf(request);
    if (key === undefined) return;
    let lookup;
    const at = Date.now();
    try {
      lookup = await cache.lookup(key);
    } catch (err) {
      logger.warn({ err, requestId: request.id }, "response cache unavailable: answering uncached");
      return;
    }
    let answer = lookup.answer;
    const flight = inFlight.get(key);
    if (!answer && flight?.since === lookup.since) answer = (await flight.answer) ?? undefined;
    if (!answer) {
      responseCacheMisses.inc();
      // Leads a new computation unless one began at this purge clock or later (it then computes alone).
      const current = inFlight.get(key);
      if (!current || Number(lookup.since) > Number(current.since)) {
        let settle!: (answer: CachedAnswer | null) => void;
        const mine: Flight = { since: lookup.since, answer: new Promise((resolve) => (settle = resolve)) };
        inFlight.set(key, mine);
        pending.set(request, {
          key,
          since: lookup.since,
          at,
          settle: (computed) => {
            if (inFlight.get(key) === mine) inFlight.delete(key);
            settle(computed);
          },
        });
      }
      return;
    }
    responseCacheHits.inc();
    reply.header("content-type", answer.contentType).header("cache-control", answer.cacheControl).header("x-cache", "HIT");
    if (cdnCacheable(request)) setCdnTags(reply, answer.surrogateKeys);
    if (answer.etag && validate(request, reply, answer.etag, answer.lastModified ? new Date(answer.lastModified) : null)) return reply.code(304).send();
    return reply.send(answer.body);
  });

  app.addHook("onSend", async (request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
    const miss = pending.get(request);
    if (!miss) return payload;
    pending.delete(request);
    if (reply.statusCode !== 200 || !isPublic(reply.getHeader("cache-control")) || typeof payload !== "string" || payload.length > MAX_ANSWER_CHARACTERS) {
      miss.settle(null);
      return payload;
    }
    const answer = {
      body: payload,
      contentType: String(reply.getHeader("content-type")),
      cacheControl: String(reply.getHeader("cache-control")),
      surrogateKeys: requestTags.surrogateKeysOf(request) ?? "",
      etag: String(reply.getHeader("etag") ?? ""),
      lastModified: String(reply.getHeader("last-modified") ?? ""),
    };
    // Stored before the answer leaves, so the next request, on any instance, finds it.
    await cache.store(miss, miss.key, answer, [...requestTags.tagsOf(request)]).catch((err: unknown) => {
      logger.warn({ err, requestId: request.id }, "response not cached");
    });
    miss.settle(answer);
    return payload;
  });

  // A miss that never reached onSend (its connection closed, a hook threw) lets its waiters compute the answer themselves.
  app.addHook("onResponse", async (request: FastifyRequest) => {
    pending.get(request)?.settle(null);
    pending.delete(request);
  });
}

/**
 * The key of an anonymous request: the operation's hash (its APQ hash, or
 * the sha256 of its text: the same for the same text), operation name,
 * variables and the media types it accepts; on a `cachedByUrl` route, its
 * URL and the media types it accepts. Undefined when the request must not
 * share answers.
 */
function cacheKeyOf(request: FastifyRequest): string | undefined {
  if (request.routeOptions.config.cachedByUrl) {
    if (request.method !== "GET" || carriesCredentials(request.headers)) return undefined;
    return createHash("sha256")
      .update(JSON.stringify(["GET", request.url, request.headers.accept ?? ""]))
      .digest("hex");
  }
  const params = graphqlParamsOf(request);
  if (params === undefined || carriesCredentials(request.headers) || !passesCsrfPrevention(request.headers)) return undefined;
  const hash = operationHashOf(params);
  if (hash === undefined) return undefined;
  const identity = JSON.stringify([hash, params.operationName ?? null, params.variables ?? null, request.headers.accept ?? ""]);
  return createHash("sha256").update(identity).digest("hex");
}
