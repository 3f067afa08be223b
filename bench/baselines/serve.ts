import { createServer, IncomingMessage } from "node:http";

/** What a baseline answers to one POST body: the response text, or null for 404. */
export type Answer = (body: string) => string | null | Promise<string | null>;

/**
 * A bare `node:http` server on PORT: GET /healthz says it is up, any POST
 * is read whole and answered with `answer`'s JSON (500 with the message if
 * it throws). The baselines share it, so that they differ from each other
 * only in how they find the answer.
 */
export function serveJson(answer: Answer): void {
  const server = createServer(async (request, response) => {
    if (request.method !== "POST") {
      response.writeHead(request.url === "/healthz" ? 200 : 404).end();
      return;
    }
    let text: string | null;
    try {
      text = await answer(await readBody(request));
    } catch (error) {
      response.writeHead(500, { "content-type": "text/plain" }).end(String(error));
      return;
    }
    if (text === null) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { "content-type": "application/json; charset=utf-8", "content-length": Buffer.byteLength(text) });
    response.end(text);
  });
  server.keepAliveTimeout = 60_000;
  server.listen(Number(process.env.PORT), "127.0.0.1");
  process.once("SIGTERM", () => server.close(() => process.exit(0)));
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}
