import { createClient } from "graphql-ws";
import WebSocket from "ws";
import { TestServer } from "./test-server";

const COMMENT_ADDED = `subscription($id: ID!) { commentAdded(articleId: $id) { id } }`;

async function listeners(server: TestServer): Promise<number> {
  const text = await (await fetch(`${server.baseUrl}/metrics`)).text();
  return Number(/^pubsub_listeners (\d+)/m.exec(text)?.[1] ?? 0);
}

/** A graphql-ws client listening to one article's `commentAdded` on `server`: every id it got, in order. */
export interface LiveComments {
  readonly ids: string[];
  /** Resolves once `id` has arrived (at once if it already has). */
  arrival(id: string): Promise<void>;
  stop(): Promise<void>;
}

/** Subscribes and resolves once the subscription is live on the server (its listener is counted). */
export async function listenToComments(server: TestServer, articleId: string): Promise<LiveComments> {
  const client = createClient({ url: server.baseUrl.replace("http", "ws") + "/graphql", webSocketImpl: WebSocket, lazy: false });
  const before = await listeners(server);
  const ids: string[] = [];
  const waiting = new Map<string, () => void>();
  const unsubscribe = client.subscribe<{ commentAdded: { id: string } }>(
    { query: COMMENT_ADDED, variables: { id: articleId } },
    {
      next: ({ data }) => {
        const id = data!.commentAdded.id;
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
