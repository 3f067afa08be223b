import { IncomingMessage, Server, ServerResponse } from "node:http";
import { Context, ROOT_CONTEXT, Span, SpanKind, SpanStatusCode, Tracer, context, createContextKey, propagation, trace } from "@opentelemetry/api";
import { ATTR_HTTP_REQUEST_METHOD, ATTR_HTTP_RESPONSE_STATUS_CODE, ATTR_HTTP_ROUTE, ATTR_URL_PATH } from "@opentelemetry/semantic-conventions";
import { FastifyRequest } from "fastify";
import { GRAPHQL_PATH } from "../http/graphql-params";

const REQUEST_SPAN = createContextKey("broadsheet.request-span");
const OPERATION_SPAN = createContextKey("broadsheet.operation-span");

/** The span of the GraphQL operation the active context belongs to, if it is a traced request to /graphql. */
export function activeOperationSpan(): Span | undefined {
  return context.active().getValue(OPERATION_SPAN) as Span | undefined;
}

/**
 * Wraps the server's request listener (Fastify's, keeping every option
 * Fastify gave its server): every request gets a SERVER span, continuing
 * the caller's trace when it sends a W3C `traceparent`, and a request to
 * /graphql a child span for its operation (named once Apollo has parsed it,
 * see `operation-spans.ts`). The innermost span is the active context of
 * everything the request does, including the request's stream events (its
 * body is read in them), so statements become its children.
 */
export function traceRequests(server: Server, tracer: Tracer): void {
  for (const listener of server.listeners("request") as ((request: IncomingMessage, response: ServerResponse) => void)[]) {
    server.removeListener("request", listener);
    server.on("request", (request: IncomingMessage, response: ServerResponse) => {
      const active = startRequestSpans(tracer, request, response);
      context.bind(active, request);
      context.bind(active, response);
      context.with(active, () => listener.call(server, request, response));
    });
  }
}

/** The request's span, and its operation's under it for a GraphQL request; both end when the response does. */
function startRequestSpans(tracer: Tracer, request: IncomingMessage, response: ServerResponse): Context {
  const method = request.method ?? "_OTHER";
  const path = (request.url ?? "/").split("?", 1)[0];
  const caller = propagation.extract(ROOT_CONTEXT, request.headers);
  const span = tracer.startSpan(method, { kind: SpanKind.SERVER, attributes: { [ATTR_HTTP_REQUEST_METHOD]: method, [ATTR_URL_PATH]: path } }, caller);
  let active: Context = trace.setSpan(caller, span).setValue(REQUEST_SPAN, span);
  const operation = path === GRAPHQL_PATH && (method === "POST" || method === "GET") ? tracer.startSpan("graphql", {}, active) : undefined;
  if (operation) active = trace.setSpan(active, operation).setValue(OPERATION_SPAN, operation);
  response.once("close", () => {
    operation?.end();
    endRequestSpan(span, response);
  });
  return active;
}

function endRequestSpan(span: Span, response: ServerResponse): void {
  if (!response.writableFinished) span.setStatus({ code: SpanStatusCode.ERROR, message: "connection closed before the response was sent" });
  span.setAttribute(ATTR_HTTP_RESPONSE_STATUS_CODE, response.statusCode);
  if (response.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
  span.end();
}

/** Fastify `onRequest` hook: names the request span after its route (`GET /readyz`), as tracing systems group by. */
export async function nameRequestSpan(request: FastifyRequest): Promise<void> {
  const route = request.routeOptions.url;
  const span = context.active().getValue(REQUEST_SPAN) as Span | undefined;
  if (!span || !route) return;
  span.updateName(`${request.method} ${route}`);
  span.setAttribute(ATTR_HTTP_ROUTE, route);
}
