/** The child sitemaps of `/sitemap.xml`, one series per kind of page. */
export const SITEMAP_KINDS = ["articles", "sections", "authors", "tags"] as const;
export type SitemapKind = (typeof SITEMAP_KINDS)[number];
export type OwnerKind = Exclude<SitemapKind, "articles">;

/** One child: `/sitemaps/<kind>-<page>.xml`, pages counted from 1. */
export interface ChildSitemap {
  kind: SitemapKind;
  page: number;
}

/** Pages run from 1 to this: nine digits, far past any id range, and no number a client can make overflow. */
const MAX_PAGE = 999_999_999;

/** `articles-2.xml` → the child it names; null for any other name (no leading zeros, no page 0). */
export function childOf(file: string): ChildSitemap | null {
  const match = /^([a-z]+)-([1-9][0-9]{0,8})\.xml$/.exec(file);
  if (!match || !(SITEMAP_KINDS as readonly string[]).includes(match[1])) return null;
  const page = Number(match[2]);
  return page <= MAX_PAGE ? { kind: match[1] as SitemapKind, page } : null;
}

export function childPath({ kind, page }: ChildSitemap): string {
  return `/sitemaps/${kind}-${page}.xml`;
}
