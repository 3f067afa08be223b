import { IncomingMessage, Server as HttpServer } from "node:http";
import { Duplex } from "node:stream";
import { GraphQLSchema } from "graphql";
import { useServer } from "graphql-ws/use/ws";
import { WebSocketServer } from "ws";
import { maskError } from "../http/error-masking";
import { Logger } from "../logger";

export const GRAPHQL_PATH = "/graphql";

/**
 * GraphQL subscriptions over graphql-ws (the `graphql-transport-ws`
 * protocol) on the HTTP server's own `/graphql` path: an upgrade request
 * there becomes a WebSocket, everything else stays with Fastify. Errors are
 * masked as over HTTP. Returns what stops it: every socket closed.
 */
export function serveSubscriptions(
  httpServer: HttpServer,
  schema: GraphQLSchema,
  contextFor: (request: IncomingMessage) => Promise<object> | object,
  logger: Logger,
): () => Promise<void> {
  const sockets = new WebSocketServer({ noServer: true });
  const onUpgrade = (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    if (new URL(request.url ?? "/", "http://localhost").pathname !== GRAPHQL_PATH) return socket.destroy();
    sockets.handleUpgrade(request, socket, head, (webSocket) => sockets.emit("connection", webSocket, request));
  };
  httpServer.on("upgrade", onUpgrade);
  useServer(
    {
      schema,
      context: (ctx) => contextFor(ctx.extra.request),
      onNext: (_ctx, _id, _payload, _args, result) =>
        result.errors ? { ...result, errors: result.errors.map((error) => maskError(error.toJSON(), error)) } : undefined,
    },
    sockets,
  );
  sockets.on("error", (err) => logger.warn({ err }, "websocket server error"));
  return async () => {
    // What graphql-ws's dispose() does, without awaiting the ws server's 'close' (clients finish closing on their own).
    for (const socket of sockets.clients) socket.close(1001, "Going away");
    httpServer.off("upgrade", onUpgrade);
    sockets.close();
  };
}
