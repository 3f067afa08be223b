import { AsyncLocalStorage } from "node:async_hooks";
import { ApolloServerPlugin } from "@apollo/server";
import { FastifyReply, FastifyRequest } from "fastify";
import { carriesCredentials } from "../caching/anonymous";
import { recentWriteCookie } from "./recent-write";

/**
 * Where the reads of the work in progress may go. Only an HTTP request
 * that proved anonymous sets one that allows replicas: work outside any
 * request (subscriptions re-reading what an event names, the scheduler, the
 * outbox, CLIs) reads from the primary, which has every write already.
 */
export interface ReadRoute {
  replicaAllowed: boolean;
}

const routes = new AsyncLocalStorage<ReadRoute>();

/** The route of the request in progress; undefined outside one. */
export function currentReadRoute(): ReadRoute | undefined {
  return routes.getStore();
}

/**
 * A Fastify preHandler that runs the rest of the request in its read route:
 * anonymous requests may read from a replica; a signed-in user (editors see
 * drafts they just saved), a preview-token holder or a client in its
 * recent-write window reads from the primary. Callback style: Fastify goes
 * on inside `done`, so the route follows the request through Apollo into
 * every statement.
 */
export function readRouteHook(request: FastifyRequest, _reply: FastifyReply, done: () => void): void {
  // The recent-write cookie counts among the credentials (see `carriesCredentials`).
  const replicaAllowed = !carriesCredentials(request.headers);
  routes.run({ replicaAllowed }, done);
}

/**
 * Mutations (and whatever else is not a query) read from the primary, the
 * payload they return included, and set the recent-write
 * cookie for `windowMs`, so the same client's next reads see its write
 * (a mutation that failed sets it too: some of its writes may have landed).
 */
export function readYourWritesPlugin(windowMs: number): ApolloServerPlugin {
  return {
    async requestDidStart() {
      let wrote = false;
      return {
        async didResolveOperation({ operation }) {
          if (operation?.operation === "query") return;
          wrote = true;
          const route = currentReadRoute();
          if (route) route.replicaAllowed = false;
        },
        async willSendResponse({ response }) {
          if (wrote) response.http.headers.set("set-cookie", recentWriteCookie(windowMs));
        },
      };
    },
  };
}
