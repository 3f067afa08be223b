import { ApolloServerPlugin, GraphQLResponse } from "@apollo/server";
import { FastifyRequest } from "fastify";

interface Tracked {
  cacheTags: Set<string>;
}

/** What a released response holds in place of its answer: one frozen object, made once. */
const RELEASED = Object.freeze({});

/**
 * Lets go of each GraphQL answer once it is written. V8 allocates Apollo's
 * response object for a request in the old generation (an allocation site
 * it pretenures), where it stays until the next full collection, long after
 * the answer was sent; everything it reaches, the answer's data, survives
 * every scavenge in between and is copied to the old generation too
 * (BENCHMARKS.md). Once Fastify has written the serialized answer, nothing
 * reads that object again: its result is replaced by an empty one.
 */
export class AnswerRelease {
  private readonly requests = new WeakMap<Set<string>, FastifyRequest>();
  private readonly responses = new WeakMap<FastifyRequest, GraphQLResponse>();

  /**
   * Ties the set a request's context collects its cache tags into to its
   * HTTP request; returns the set. Apollo hands plugins a shallow copy of
   * the context it was given, so the context object itself cannot be the
   * key: the objects in it that are the request's own, like that set, can.
   */
  track(request: FastifyRequest, cacheTags: Set<string>): Set<string> {
    this.requests.set(cacheTags, request);
    return cacheTags;
  }

  /** The Apollo plugin that notes each tracked request's response as it is sent. */
  plugin(): ApolloServerPlugin<Tracked> {
    const listener = {
      willSendResponse: async ({ contextValue, response }: { contextValue: Tracked; response: GraphQLResponse }) => {
        const request = this.requests.get(contextValue.cacheTags);
        if (request) this.responses.set(request, response);
      },
    };
    return { requestDidStart: async () => listener };
  }

  /** The Fastify hook that releases a response's result once the answer is written. */
  register(app: { addHook(name: "onResponse", hook: (request: FastifyRequest) => Promise<void>): unknown }): void {
    app.addHook("onResponse", async (request) => {
      const response = this.responses.get(request);
      if (response?.body.kind === "single") response.body.singleResult = RELEASED;
    });
  }
}
