import { createHash } from "node:crypto";
import { FastifyReply, FastifyRequest } from "fastify";
import { graphqlParamsOf } from "../http/graphql-params";
import { objectKindOf, standInFor, withStandIns } from "./cache-tags";

/** Hex characters of a CDN key: 48 bits, so keys rarely collide (a collision only purges an answer too many). */
const KEY_CHARS = 12;

/**
 * Longest `Surrogate-Key` sent (the same keys, comma-separated, make
 * `Cache-Tag`). Fastly and Cloudflare take 16 KB; a bound well below that
 * keeps headers small: 2,000 characters hold about 150 keys, the front
 * page with every byline, section and tag shown.
 */
export const MAX_KEYS_CHARS = 2000;

/** The short key a CDN knows a tag by: lower-case hex (Cloudflare's tags ignore case). */
export function cdnKey(tag: string): string {
  return createHash("sha256").update(tag).digest("hex").slice(0, KEY_CHARS);
}

/**
 * The `Surrogate-Key` value of an answer with `answerTags` (see
 * `cdnTagsOf`), or null when a CDN must not keep it.
 */
export function surrogateKeysOf(answerTags: Iterable<string>): string | null {
  const kept = cdnTagsOf(answerTags);
  return kept === null ? null : [...kept].map(cdnKey).join(" ");
}

/**
 * The tags whose keys make an answer's `Surrogate-Key`. Past
 * MAX_KEYS_CHARS, the object tags of the most numerous kind give way to
 * that kind's stand-in (`all:article`), which every purge of such an object
 * purges too (`withStandIns`), until the keys fit. Null when the list tags
 * alone do not fit (a document of many aliased feeds): a CDN must then not
 * keep the answer, since it could not be purged. Every key has KEY_CHARS
 * characters, so whether they fit is known before any is hashed.
 */
function cdnTagsOf(answerTags: Iterable<string>): ReadonlySet<string> | null {
  if (answerTags instanceof Set && fits(answerTags.size)) return answerTags;
  const kept = new Set(answerTags);
  for (;;) {
    if (fits(kept.size)) return kept;
    const byKind = new Map<string, string[]>();
    for (const tag of kept) {
      const kind = objectKindOf(tag);
      if (!kind) continue;
      const ofKind = byKind.get(kind);
      if (ofKind) ofKind.push(tag);
      else byKind.set(kind, [tag]);
    }
    const largest = [...byKind.entries()].sort((a, b) => b[1].length - a[1].length)[0];
    if (!largest) return null;
    for (const tag of largest[1]) kept.delete(tag);
    kept.add(standInFor(largest[0]));
  }
}

/**
 * Whether `cdnTagsOf` would give keys rather than null, without making
 * them: whether the list tags and one stand-in per object kind fit. (Each
 * step of `cdnTagsOf` trades a kind's objects for its stand-in, so the set
 * only shrinks, down to that.) A POST's answer, which no CDN keeps, needs
 * no more than this.
 */
export function cdnKeepable(answerTags: ReadonlySet<string>): boolean {
  if (fits(answerTags.size)) return true;
  let listTags = 0;
  const kinds = new Set<string>();
  for (const tag of answerTags) {
    const kind = objectKindOf(tag);
    if (kind) kinds.add(kind);
    else listTags++;
  }
  const standIns = [...kinds].filter((kind) => !answerTags.has(standInFor(kind))).length;
  return fits(listTags + standIns);
}

function fits(keys: number): boolean {
  return keys * (KEY_CHARS + 1) - 1 <= MAX_KEYS_CHARS;
}

/** The CDN keys a write's purge sends: its tags and the stand-ins of their kinds. */
export function purgeKeysOf(changed: Iterable<string>): string[] {
  return withStandIns(changed).map(cdnKey);
}

/** Whether a CDN may cache this request's answer: a GET, or an APQ sent by its hash alone. */
export function cdnCacheable(request: FastifyRequest): boolean {
  if (request.method === "GET") return true;
  const params = graphqlParamsOf(request);
  return params !== undefined && params.query === undefined && params.persistedHash !== undefined;
}

/**
 * Sets `Surrogate-Key` (Fastly, Varnish xkey) and `Cache-Tag` (Cloudflare)
 * on an answer a CDN may cache; without keys (null), tells shared caches
 * not to keep it.
 */
export function setCdnTags(reply: FastifyReply, surrogateKeys: string | null): void {
  if (surrogateKeys === null) {
    reply.header("cache-control", String(reply.getHeader("cache-control")).replace(/s-maxage=\d+/, "s-maxage=0"));
    return;
  }
  if (surrogateKeys !== "") reply.header("surrogate-key", surrogateKeys).header("cache-tag", surrogateKeys.replaceAll(" ", ","));
}
