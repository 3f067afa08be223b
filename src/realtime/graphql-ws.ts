import { IncomingMessage, Server as HttpServer } from "node:http";
import { Duplex } from "node:stream";
import { ApolloServerErrorCode } from "@apollo/server/errors";
import { DocumentNode, GraphQLError, GraphQLSchema, NoSchemaIntrospectionCustomRule, getOperationAST, parse, specifiedRules, validate } from "graphql";
import { getVariableValues } from "graphql/execution/values";
import { Context as SocketContext, SubscribePayload } from "graphql-ws";
import { useServer } from "graphql-ws/use/ws";
import { WebSocketServer } from "ws";
import { Manifest, allowedOverWebSocket } from "../caching/persisted-queries";
import { OperationLimits } from "../config";
import { maskError } from "../http/error-masking";
import { GRAPHQL_PATH } from "../http/graphql-params";
import { costRefusal, operationCost } from "../http/limits/query-cost";
import { checkQueryText } from "../http/limits/query-text";
import { shapeLimitRules } from "../http/limits/shape-rules";
import { Logger } from "../logger";
import { ErrorCode, LimitExceededError, PersistedQueryNotAllowedError } from "../shared/errors";

/** What a socket may ask for: the HTTP endpoint's limits, plus bounds of its own. */
export interface SocketLimits {
  operations: OperationLimits;
  /** Schema introspection and "Did you mean" suggestions, as over HTTP. */
  introspection: boolean;
  /** Larger messages close the socket (1009), as larger bodies get 413 over HTTP. */
  maxPayloadBytes: number;
  /** Operations one socket may run at once. */
  maxSubscriptions: number;
  /** PERSISTED_QUERIES=only: the operations allowed; null allows any. */
  manifest: Manifest | null;
}

/**
 * GraphQL subscriptions over graphql-ws (the `graphql-transport-ws`
 * protocol) on the HTTP server's own `/graphql` path: an upgrade request
 * there becomes a WebSocket, everything else stays with Fastify. Every
 * operation passes the same checks as over HTTP before it runs, and errors
 * are masked and coded as over HTTP. Returns what stops it: every socket closed.
 */
export function serveSubscriptions(
  httpServer: HttpServer,
  schema: GraphQLSchema,
  /** `live`: the operation is a subscription, which has no single deadline. */
  contextFor: (request: IncomingMessage, live: boolean) => Promise<object> | object,
  logger: Logger,
  limits: SocketLimits,
): () => Promise<void> {
  const sockets = new WebSocketServer({ noServer: true, maxPayload: limits.maxPayloadBytes });
  const onUpgrade = (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    if (new URL(request.url ?? "/", "http://localhost").pathname !== GRAPHQL_PATH) return socket.destroy();
    sockets.handleUpgrade(request, socket, head, (webSocket) => {
      sockets.emit("connection", webSocket, request);
      // graphql-ws reports any socket error on the console as its own bug; the usual one is a client's
      // message over maxPayload, which ws has already answered by closing with 1009.
      webSocket.removeAllListeners("error");
      webSocket.on("error", (err) => logger.warn({ err }, "websocket closed on a client error"));
    });
  };
  httpServer.on("upgrade", onUpgrade);
  const rules = [...specifiedRules, ...shapeLimitRules(limits.operations), ...(limits.introspection ? [] : [NoSchemaIntrospectionCustomRule])];
  const withoutSuggestions = (error: GraphQLError) => (limits.introspection ? error : withMessage(error, error.message.replace(/ ?Did you mean(.+?)\?$/, "")));
  useServer(
    {
      schema,
      context: (ctx, _id, _payload, args) => contextFor(ctx.extra.request, getOperationAST(args.document, args.operationName)?.operation === "subscription"),
      onSubscribe: (ctx, _id, payload) => checkOperation(ctx, payload, schema, limits, rules, withoutSuggestions),
      onNext: (_ctx, _id, _payload, _args, result) =>
        result.errors ? { ...result, errors: result.errors.map((error) => maskError(error.toJSON(), error)) } : undefined,
      onError: (_ctx, _id, _payload, errors) => errors.map((error) => maskError(error.toJSON(), error)),
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

/**
 * What Apollo does before executing an HTTP request, for one graphql-ws
 * operation: the safelist, text and token limits, parsing, validation with
 * the shape limits, variable coercion and the cost budget. Returns the
 * errors to answer with, or what to execute.
 */
function checkOperation(
  ctx: SocketContext,
  payload: SubscribePayload,
  schema: GraphQLSchema,
  limits: SocketLimits,
  rules: typeof specifiedRules,
  withoutSuggestions: (error: GraphQLError) => GraphQLError,
) {
  // graphql-ws registers the operation before asking, so it counts itself.
  const running = Object.keys(ctx.subscriptions).length;
  if (running > limits.maxSubscriptions) {
    return [
      new LimitExceededError(ErrorCode.TOO_MANY_SUBSCRIPTIONS, `A socket may run ${limits.maxSubscriptions} operations at once.`, limits.maxSubscriptions),
    ];
  }
  if (typeof payload.query !== "string") return [coded(new GraphQLError("The operation has no query text."), ApolloServerErrorCode.BAD_REQUEST)];
  if (!allowedOverWebSocket(limits.manifest, payload.query)) return [new PersistedQueryNotAllowedError()];
  const tooBig = checkQueryText(payload.query, limits.operations);
  if (tooBig) return [tooBig];
  let document: DocumentNode;
  try {
    document = parse(payload.query);
  } catch (error) {
    return [coded(error as GraphQLError, ApolloServerErrorCode.GRAPHQL_PARSE_FAILED)];
  }
  const invalid = validate(schema, document, rules);
  if (invalid.length > 0) return invalid.map((error) => coded(withoutSuggestions(error), ApolloServerErrorCode.GRAPHQL_VALIDATION_FAILED));
  const operation = getOperationAST(document, payload.operationName);
  if (!operation) return [coded(new GraphQLError("The document names no operation to run."), ApolloServerErrorCode.BAD_REQUEST)];
  const variables = getVariableValues(schema, operation.variableDefinitions ?? [], payload.variables ?? {});
  if (variables.errors) return variables.errors.map((error) => coded(error, ApolloServerErrorCode.BAD_USER_INPUT));
  const tooCostly = costRefusal(operationCost(schema, document, payload.variables ?? undefined, payload.operationName), limits.operations.cost);
  if (tooCostly) return [tooCostly];
  return { schema, document, operationName: payload.operationName, variableValues: payload.variables };
}

/** The error with an Apollo code, as Apollo's pipeline reports it over HTTP; a PublicError inside keeps its own. */
function coded(error: GraphQLError, code: string): GraphQLError {
  return new GraphQLError(error.message, { nodes: error.nodes, source: error.source, positions: error.positions, originalError: error, extensions: { code } });
}

function withMessage(error: GraphQLError, message: string): GraphQLError {
  return message === error.message
    ? error
    : new GraphQLError(message, {
        nodes: error.nodes,
        source: error.source,
        positions: error.positions,
        originalError: error.originalError,
        extensions: error.extensions,
      });
}
