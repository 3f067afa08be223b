/**
 * The names cached answers are tagged with, and that writes purge. An
 * answer carries one object tag per thing it shows (`article:42`) and one
 * list tag per list it paged, named by what defines the list
 * (`feed:section:climate`). A write purges the tags of what it changed;
 * docs/caching.md lists which write purges what.
 *
 * Object kinds: a comment is tagged by its article's thread, since every
 * change to a comment changes that thread (its count, its pages).
 */
export const tags = {
  article: objectTags("article"),
  author: objectTags("author"),
  section: objectTags("section"),
  tag: objectTags("tag"),
  /** By the article's id. */
  thread: objectTags("thread"),

  /** Every published article, newest first: the front page and any list narrowed by nothing below. */
  frontFeed: "feed:front",
  sectionFeed: (slug: string) => `feed:section:${slug}`,
  authorFeed: (slug: string) => `feed:author:${slug}`,
  tagFeed: (slug: string) => `feed:tag:${slug}`,
  search: "feed:search",
  /** Lists ordered by comment count: any visible comment can move any article into them. */
  mostDiscussed: "feed:most-discussed",
  /** Lists ordered by views, and view counts: every view flush purges it, no write of content does. */
  mostRead: "feed:most-read",
  /** Related articles, Keep Reading, Check Also, previous and next: any publication can change any of them. */
  readingPath: "reading-path",
  authors: "list:authors",
  sections: "list:sections",
  tagList: "list:tags",
  /** A lookup that found nothing: whatever makes something visible may make it find it. */
  missing: "missing",
} as const;

/** How many tags of one kind `objectTags` keeps: when full, it starts over. */
const KEPT_OBJECT_TAGS = 10_000;

/**
 * The tag of a `kind` object by its id, each made once while kept: an
 * answer names hundreds of objects, and a tag string made anew is built,
 * hashed by every set it joins and collected again on every request
 * (BENCHMARKS.md). Ids are numbers, so what is kept stays small.
 */
function objectTags(kind: string): (id: number) => string {
  const made = new Map<number, string>();
  return (id) => {
    let tag = made.get(id);
    if (tag === undefined) {
      if (made.size >= KEPT_OBJECT_TAGS) made.clear();
      made.set(id, (tag = `${kind}:${id}`));
    }
    return tag;
  };
}

/** The object kinds, by the prefix of their tags. */
export const OBJECT_KINDS = ["article", "author", "section", "tag", "thread"] as const;

/**
 * The list tag that stands in for every object tag of a kind (`all:article`),
 * where an answer names too many of them for a CDN header. Every purge of
 * an object tag purges its kind's stand-in too.
 */
export function standInFor(kind: string): string {
  return `all:${kind}`;
}

/** The kind of an object tag (`article` of `article:42`); undefined for list tags. */
export function objectKindOf(tag: string): string | undefined {
  const kind = tag.slice(0, tag.indexOf(":"));
  return (OBJECT_KINDS as readonly string[]).includes(kind) ? kind : undefined;
}

/** The tags a write purges, with the stand-ins of the object kinds among them. */
export function withStandIns(purged: Iterable<string>): string[] {
  const all = new Set(purged);
  for (const tag of [...all]) {
    const kind = objectKindOf(tag);
    if (kind) all.add(standInFor(kind));
  }
  return [...all];
}
