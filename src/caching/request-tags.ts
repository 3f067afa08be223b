import { FastifyReply, FastifyRequest } from "fastify";
import { isPublic } from "./cache-control.plugin";
import { cdnCacheable, cdnKeepable, setCdnTags, surrogateKeysOf } from "./cdn-tags";

/**
 * The tags each GraphQL request's answer collected (its context's
 * `cacheTags`), for the hooks that run once Apollo answered: the CDN
 * headers and the response cache.
 */
export class RequestTags {
  private readonly tags = new WeakMap<FastifyRequest, Set<string>>();
  private readonly keys = new WeakMap<FastifyRequest, string | null>();

  /** The set a request's execution collects into. */
  track(request: FastifyRequest): Set<string> {
    const tags = new Set<string>();
    this.tags.set(request, tags);
    return tags;
  }

  tagsOf(request: FastifyRequest): ReadonlySet<string> {
    return this.tags.get(request) ?? new Set();
  }

  /** The answer's `Surrogate-Key`, computed once (see `surrogateKeysOf`). */
  surrogateKeysOf(request: FastifyRequest): string | null {
    if (!this.keys.has(request)) this.keys.set(request, surrogateKeysOf(this.tagsOf(request)));
    return this.keys.get(request)!;
  }

  /**
   * An onSend hook: a shareable answer a CDN may cache (of /graphql, or of
   * a route that read through it) gets its tags as `Surrogate-Key` and
   * `Cache-Tag`. Registered before the response cache's,
   * so what that stores has the final Cache-Control.
   */
  register(app: { addHook(name: "onSend", hook: (request: FastifyRequest, reply: FastifyReply, payload: unknown) => Promise<unknown>): unknown }): void {
    app.addHook("onSend", async (request, reply, payload) => {
      if (!this.tags.has(request) || reply.statusCode !== 200 || !isPublic(reply.getHeader("cache-control"))) return payload;
      // Keys are made only for an answer a CDN may keep: whether a POST's would fit is a matter of their count.
      if (cdnCacheable(request)) setCdnTags(reply, this.surrogateKeysOf(request));
      else if (!cdnKeepable(this.tagsOf(request))) setCdnTags(reply, null);
      return payload;
    });
  }
}
