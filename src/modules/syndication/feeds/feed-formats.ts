import { FeedFormat, FeedItem } from "./feed-source";

type Feedsmith = typeof import("feedsmith");

/** One feed, whatever its format. */
export interface FeedDocument {
  title: string;
  description: string;
  /** The page the feed follows (the section's, the author's…). */
  homeUrl: string;
  /** The feed's own URL, as requested. */
  selfUrl: string;
  /** The feed's permanent id (Atom's `id`): its URL without the query, the same whatever `?limit`. */
  id: string;
  /** When the newest change to an item was made (the epoch for an empty feed, so that its answer stays the same). */
  updated: Date;
  items: FeedItem[];
}

export const FEED_MEDIA_TYPES: Record<FeedFormat, string> = {
  rss: "application/rss+xml; charset=utf-8",
  atom: "application/atom+xml; charset=utf-8",
  json: "application/feed+json; charset=utf-8",
};

/**
 * The lead image's media type, for the RSS enclosure (which must name one)
 * and the JSON Feed attachment, from the extension of its URL; images are
 * stored by URL only, so their size is unknown: RSS readers take `length="0"`
 * as that.
 */
function imageTypeOf(url: string): string {
  const extension = /\.([a-z0-9]+)(?:[?#]|$)/i.exec(new URL(url, "http://x").pathname)?.[1]?.toLowerCase();
  const types: Record<string, string> = {
    jpg: "image/jpeg",
    jpeg: "image/jpeg",
    png: "image/png",
    gif: "image/gif",
    webp: "image/webp",
    avif: "image/avif",
    svg: "image/svg+xml",
  };
  return (extension && types[extension]) || "application/octet-stream";
}

/**
 * Items are identified by their canonical URL, the one id all three formats
 * accept (Atom's must be an IRI): an article moved to another section
 * shows up again in readers, as a new page would.
 */
function rss({ generateRssFeed }: Feedsmith, feed: FeedDocument): string {
  return generateRssFeed({
    title: feed.title,
    link: feed.homeUrl,
    description: feed.description,
    lastBuildDate: feed.updated.getTime() > 0 ? feed.updated : undefined,
    atom: { links: [{ href: feed.selfUrl, rel: "self", type: "application/rss+xml" }] },
    items: feed.items.map((item) => ({
      title: item.title,
      link: item.url,
      guid: { value: item.url, isPermaLink: true },
      description: item.excerpt,
      pubDate: item.publishedAt ? new Date(item.publishedAt) : undefined,
      dc: { creators: item.authors.map((author) => author.name) },
      content: { encoded: item.body },
      categories: [item.category, ...item.tags].map((category) => ({ name: category.name })),
      enclosures: item.featuredImage ? [{ url: item.featuredImage.url, length: 0, type: imageTypeOf(item.featuredImage.url) }] : undefined,
    })),
  });
}

function atom({ generateAtomFeed }: Feedsmith, feed: FeedDocument): string {
  return generateAtomFeed({
    id: feed.id,
    title: { value: feed.title },
    subtitle: { value: feed.description },
    updated: feed.updated,
    links: [
      { href: feed.selfUrl, rel: "self", type: "application/atom+xml" },
      { href: feed.homeUrl, rel: "alternate", type: "text/html" },
    ],
    entries: feed.items.map((item) => ({
      id: item.url,
      title: { value: item.title },
      updated: new Date(item.updatedAt),
      published: item.publishedAt ? new Date(item.publishedAt) : undefined,
      links: [
        { href: item.url, rel: "alternate", type: "text/html" },
        ...(item.featuredImage ? [{ href: item.featuredImage.url, rel: "enclosure", type: imageTypeOf(item.featuredImage.url) }] : []),
      ],
      authors: item.authors.map((author) => ({ name: author.name, uri: author.url })),
      categories: [item.category, ...item.tags].map((category) => ({ term: category.slug, label: category.name })),
      summary: { value: item.excerpt, type: "text" },
      content: { value: item.body, type: "html" },
    })),
  });
}

function json({ generateJsonFeed }: Feedsmith, feed: FeedDocument): string {
  const document = generateJsonFeed({
    title: feed.title,
    description: feed.description,
    home_page_url: feed.homeUrl,
    feed_url: feed.selfUrl,
    items: feed.items.map((item) => ({
      id: item.url,
      url: item.url,
      title: item.title,
      summary: item.excerpt,
      content_html: item.body,
      image: item.featuredImage?.url,
      date_published: item.publishedAt ? new Date(item.publishedAt) : undefined,
      date_modified: new Date(item.updatedAt),
      authors: item.authors.map((author) => ({ name: author.name, url: author.url })),
      tags: [item.category, ...item.tags].map((category) => category.name),
    })),
  });
  // JSON Feed requires `items`, which feedsmith leaves out when it is empty.
  return JSON.stringify({ ...(document as object), items: (document as { items?: unknown[] }).items ?? [] });
}

const renderers: Record<FeedFormat, (feedsmith: Feedsmith, feed: FeedDocument) => string> = { rss, atom, json };

/** feedsmith, loaded with the first feed asked for: a process that serves none never holds it. */
let feedsmith: Promise<Feedsmith> | undefined;

export async function renderFeed(format: FeedFormat, feed: FeedDocument): Promise<string> {
  return renderers[format](await (feedsmith ??= import("feedsmith")), feed);
}
