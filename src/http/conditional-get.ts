import { createHash } from "node:crypto";
import { FastifyReply, FastifyRequest } from "fastify";
import fresh from "fresh";

/** A strong ETag naming `content` (a body, or what a streamed body is made from). */
export function etagOf(content: string): string {
  return `"${createHash("sha256").update(content).digest("base64url").slice(0, 27)}"`;
}

/**
 * Sets ETag and Last-Modified (unless `lastModified` is null or the epoch)
 * and tells whether the request's preconditions say the client already
 * holds this answer: the caller then sends a 304.
 */
export function validate(request: FastifyRequest, reply: FastifyReply, etag: string, lastModified: Date | null): boolean {
  reply.header("etag", etag);
  if (lastModified && lastModified.getTime() > 0) reply.header("last-modified", lastModified.toUTCString());
  // Only the preconditions: a request's `Cache-Control: no-cache` (which fetch() adds to conditional requests) speaks to caches, not to the origin (RFC 9110 §13.2.1).
  const conditions = { "if-none-match": request.headers["if-none-match"], "if-modified-since": request.headers["if-modified-since"] };
  return fresh(conditions, { etag, "last-modified": reply.getHeader("last-modified") as string | undefined });
}
