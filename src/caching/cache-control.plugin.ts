import { ApolloServerPlugin } from "@apollo/server";
import { GraphQLSchema } from "graphql";
import { RequestContext } from "../shared/request-context";
import { asksWithToken, carriesCredentials } from "./anonymous";
import { maxAgeOf } from "./max-age";

export const NO_STORE = "private, no-store";

/** The Cache-Control numbers of shared answers (see `CachingOptions`). */
export interface CacheControlOptions {
  /** The longest max-age; an answer's own is the smallest its fields allow (`max-age.ts`). */
  maxAgeSeconds: number;
  /** How long a CDN keeps an answer: the max-age when `null` (no CDN purges are sent). */
  sharedMaxAgeSeconds: number | null;
  staleWhileRevalidateSeconds: number;
}

/** The header of an answer anyone may be given, for `maxAgeSeconds`. */
export function publicCacheControl(maxAgeSeconds: number, options: CacheControlOptions): string {
  const shared = options.sharedMaxAgeSeconds ?? maxAgeSeconds;
  return `public, max-age=${maxAgeSeconds}, s-maxage=${shared}, stale-while-revalidate=${options.staleWhileRevalidateSeconds}`;
}

/**
 * What a shared answer depends on besides the URL: the media type, and
 * whether the request carries a credential (a CDN must not hand the
 * anonymous answer to a signed-in editor, who may see more).
 */
const VARY = ["Accept", "Authorization", "X-Preview-Token"];

/** Adds VARY to the Vary header a reply already has (CORS sets `Origin` there). */
export function varyOnCredentials(reply: { getHeader(name: string): unknown; header(name: string, value: string): unknown }): void {
  const current = reply.getHeader("vary");
  const names = typeof current === "string" && current !== "" ? current.split(",").map((name) => name.trim()) : [];
  const missing = VARY.filter((name) => !names.some((present) => present.toLowerCase() === name.toLowerCase()));
  reply.header("vary", [...names, ...missing].join(", "));
}

/** Whether an answer's Cache-Control lets it be shared. */
export function isPublic(cacheControl: unknown): boolean {
  return typeof cacheControl === "string" && cacheControl.startsWith("public");
}

/**
 * Sets Cache-Control on every GraphQL answer: public for an anonymous query
 * answered without errors (a CDN may then cache a GET, and
 * `response-cache.hooks.ts` keeps it), with the max-age its fields allow;
 * else `private, no-store`: a request with a credential, an operation with
 * a token argument, a mutation, any error.
 */
export function cacheControlPlugin(schema: GraphQLSchema, options: CacheControlOptions): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ request, response, operation, document, contextValue }) {
          const shareable =
            response.body.kind === "single" &&
            !response.body.singleResult.errors?.length &&
            operation?.operation === "query" &&
            contextValue.viewer === null &&
            !(request.http && carriesCredentials(request.http.headers)) &&
            !(document && asksWithToken(document));
          const header = shareable ? publicCacheControl(maxAgeOf(schema, document!, options.maxAgeSeconds, request.variables), options) : NO_STORE;
          response.http.headers.set("cache-control", header);
        },
      };
    },
  };
}
