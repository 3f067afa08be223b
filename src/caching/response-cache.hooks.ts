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
  /** Hands the stored answer (or null: none was stored) to the requests for the same key that waited for it. */
  settle(answer: CachedAnswer | null): void;
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
   * It is served only if it was stored, that is if no tag of it was purged
   * since its lookup.
   */
  const inFlight = new Map<string, Promise<CachedAnswer | null>>();

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
    const answer = lookup.answer ?? (await inFlight.get(key));
    if (!answer) {
      responseCacheMisses.inc();
      if (!inFlight.has(key)) {
        let settle!: (answer: CachedAnswer | null) => void;
        inFlight.set(key, new Promise((resolve) => (settle = resolve)));
        pending.set(request, {
          key,
          since: lookup.since,
          at,
          settle: (stored) => {
            inFlight.delete(key);
            settle(stored);
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
    const stored = await cache.store(miss, miss.key, answer, [...requestTags.tagsOf(request)]).catch((err: unknown) => {
      logger.warn({ err, requestId: request.id }, "response not cached");
      return false;
    });
    miss.settle(stored ? answer : null);
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
