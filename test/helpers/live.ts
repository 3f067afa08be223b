import { createClient } from "graphql-ws";
import WebSocket from "ws";
import { TestServer } from "./test-server";

async function listeners(server: TestServer): Promise<number> {
  const text = await (await fetch(`${server.baseUrl}/metrics`)).text();
  return Number(/^pubsub_listeners (\d+)/m.exec(text)?.[1] ?? 0);
}

/** A graphql-ws client listening to one subscription: the id of every event it got, in order. */
export interface Live {
  readonly ids: string[];
  /** Resolves once `id` has arrived (at once if it already has). */
  arrival(id: string): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Subscribes on `server` and resolves once the subscription is live there
 * (its listener is counted); `field` is the subscription's root field, whose
 * `id` each event is known by.
 */
export async function listen(server: TestServer, query: string, variables: Record<string, unknown>, field: string): Promise<Live> {
  const client = createClient({ url: server.baseUrl.replace("http", "ws") + "/graphql", webSocketImpl: WebSocket, lazy: false });
  const before = await listeners(server);
  const ids: string[] = [];
  const waiting = new Map<string, () => void>();
  const unsubscribe = client.subscribe<Record<string, { id: string }>>(
    { query, variables },
    {
      next: ({ data }) => {
        const id = data![field].id;
        ids.push(id);
        waiting.get(id)?.();
      },
      error: (error) => {
        throw new Error(`subscription failed: ${JSON.stringify(error)}`);
      },
      complete: () => {},
    },
  );
  while ((await listeners(server)) <= before) await new Promise((resolve) => setTimeout(resolve, 10));
  return {
    ids,
    arrival: (id) => (ids.includes(id) ? Promise.resolve() : new Promise<void>((resolve) => waiting.set(id, resolve))),
    stop: async () => {
      unsubscribe();
      await client.dispose();
    },
  };
}

/** `commentAdded` of one article on `server`. */
export function listenToComments(server: TestServer, articleId: string): Promise<Live> {
  return listen(server, `subscription($id: ID!) { commentAdded(articleId: $id) { id } }`, { id: articleId }, "commentAdded");
}
