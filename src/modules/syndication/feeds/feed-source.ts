import { DocumentNode, parse } from "graphql";

/** The formats a feed is served in, by the extension of its URL. */
export const FEED_FORMATS = ["rss", "atom", "json"] as const;
export type FeedFormat = (typeof FEED_FORMATS)[number];

/** What a feed lists: the front page's articles, or those of one section, author or tag. */
export type FeedOwnerKind = "section" | "author" | "tag";

export const DEFAULT_FEED_LIMIT = 20;
export const MAX_FEED_LIMIT = 100;

/** An article as every format shows it: what `FEED_ITEM` reads. */
export interface FeedItem {
  title: string;
  url: string;
  subtitle: string | null;
  excerpt: string;
  body: string;
  publishedAt: string | null;
  updatedAt: string;
  featuredImage: { url: string; alt: string } | null;
  /** The byline, lead author first. */
  authors: { name: string; url: string }[];
  category: { name: string; slug: string; url: string };
  tags: { name: string; slug: string; url: string }[];
}

/** Whose feed it is: its name, page and description; the front page's is the publication's. */
export interface FeedOwner {
  name: string;
  url: string;
  description: string | null;
  articles: { nodes: FeedItem[] };
}

const FEED_ITEM = `
  fragment FeedItem on Article {
    title url subtitle excerpt(maxLength: 300) body publishedAt updatedAt
    featuredImage { url alt }
    authors { name url }
    category { name slug url }
    tags { name slug url }
  }`;

/**
 * The reads behind the feeds: the API's own queries, so that a feed shows
 * what `articles` and `Category.articles`… show, in as many statements,
 * and is tagged for purges like them.
 */
export const FEED_QUERIES: { front: DocumentNode } & Record<FeedOwnerKind, DocumentNode> = {
  front: parse(`query FrontFeed($first: Int!) { articles(first: $first) { nodes { ...FeedItem } } } ${FEED_ITEM}`),
  section: parse(
    `query SectionFeed($slug: String!, $first: Int!) {
       owner: category(slug: $slug) { name url description articles(first: $first) { nodes { ...FeedItem } } }
     } ${FEED_ITEM}`,
  ),
  author: parse(
    `query AuthorFeed($slug: String!, $first: Int!) {
       owner: author(slug: $slug) { name url description: bio articles(first: $first) { nodes { ...FeedItem } } }
     } ${FEED_ITEM}`,
  ),
  tag: parse(
    `query TagFeed($slug: String!, $first: Int!) {
       owner: tag(slug: $slug) { name url articles(first: $first) { nodes { ...FeedItem } } }
     } ${FEED_ITEM}`,
  ),
};

/** `?limit`: unset for the default, else a whole number from 1 to MAX_FEED_LIMIT; null when it is anything else. */
export function feedLimitOf(raw: unknown): number | null {
  if (raw === undefined) return DEFAULT_FEED_LIMIT;
  if (typeof raw !== "string" || !/^[0-9]{1,3}$/.test(raw)) return null;
  const limit = Number(raw);
  return limit >= 1 && limit <= MAX_FEED_LIMIT ? limit : null;
}

/** `climate.rss` → the slug and the format; null for a name without one of FEED_FORMATS as its extension. */
export function feedFileOf(file: string): { name: string; format: FeedFormat } | null {
  const dot = file.lastIndexOf(".");
  const format = file.slice(dot + 1);
  if (dot < 1 || !(FEED_FORMATS as readonly string[]).includes(format)) return null;
  return { name: file.slice(0, dot), format: format as FeedFormat };
}
