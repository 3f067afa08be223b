import { DocumentNode, Kind, visit, BREAK } from "graphql";
import { wroteRecently } from "../replication/recent-write";

/** Headers that make a request someone's: a sign-in or preview token. */
const CREDENTIAL_HEADERS = ["authorization", "x-preview-token"];

/**
 * Arguments that carry a secret (a guest's editToken, a preview token) or
 * name a reader (`viewerVote(readerKey:)`): the answer is that holder's.
 */
const TOKEN_ARGUMENT = /token$|^readerKey$/i;

type Headers = { get(name: string): string | undefined } | Record<string, string | string[] | undefined>;

function header(headers: Headers, name: string): string | undefined {
  const value =
    typeof headers.get === "function" ? (headers as { get(name: string): string | undefined }).get(name) : (headers as Record<string, unknown>)[name];
  return typeof value === "string" ? value : undefined;
}

/**
 * Whether the request carries a credential: then its answer is never shared,
 * by us or by a CDN. A client that just wrote (the recent-write cookie of
 * read replicas) is someone's too, for its window: a shared answer may
 * predate its write.
 */
export function carriesCredentials(headers: Headers): boolean {
  return CREDENTIAL_HEADERS.some((name) => (header(headers, name) ?? "") !== "") || wroteRecently(header(headers, "cookie"));
}

/** `asksWithToken` per parsed document: Apollo hands every request with the same query text the same document. */
const tokenAsked = new WeakMap<DocumentNode, boolean>();

/** Whether the operation passes a token or a reader key as an argument, so that its answer belongs to whoever holds it. */
export function asksWithToken(document: DocumentNode): boolean {
  let found = tokenAsked.get(document);
  if (found === undefined) tokenAsked.set(document, (found = findsTokenArgument(document)));
  return found;
}

function findsTokenArgument(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    [Kind.ARGUMENT](node) {
      if (!TOKEN_ARGUMENT.test(node.name.value)) return undefined;
      found = true;
      return BREAK;
    },
  });
  return found;
}

const NON_PREFLIGHTED_CONTENT_TYPES = ["application/x-www-form-urlencoded", "multipart/form-data", "text/plain"];
const PREFLIGHT_HEADERS = ["x-apollo-operation-name", "apollo-require-preflight"];

/**
 * Apollo's CSRF prevention, for answers served before Apollo sees the
 * request: a cached answer goes only to a request Apollo would have answered.
 */
export function passesCsrfPrevention(headers: Headers): boolean {
  const contentType = header(headers, "content-type");
  if (contentType !== undefined && !NON_PREFLIGHTED_CONTENT_TYPES.includes(contentType.split(";")[0].trim().toLowerCase())) return true;
  return PREFLIGHT_HEADERS.some((name) => (header(headers, name) ?? "") !== "");
}
