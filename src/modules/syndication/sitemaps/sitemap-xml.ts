import { PublisherOptions } from "../../../config";

/** One `<url>` of a sitemap: a canonical URL and when its page last changed. */
export interface SitemapUrl {
  loc: string;
  lastmod: Date;
}

/** One article of the news sitemap. */
export interface NewsEntry {
  loc: string;
  title: string;
  publishedAt: Date;
}

export const SITEMAP_MEDIA_TYPE = "application/xml; charset=utf-8";

const PROLOGUE = '<?xml version="1.0" encoding="UTF-8"?>\n';
const SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9";
const NEWS_NS = "http://www.google.com/schemas/sitemap-news/0.9";

/** Anything outside XML 1.0's `Char` production (most C0 controls, lone surrogates, U+FFFE, U+FFFF): dropped, since no escape can carry it. */
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };

/** `value` as XML character data or an attribute value. */
export function xmlText(value: string): string {
  return value.replace(NOT_XML, "").replace(/[&<>"']/g, (char) => ENTITIES[char]);
}

/** A W3C datetime to the second, in UTC (`2026-03-01T09:30:00Z`), as the sitemaps protocol and Google News want. */
export function w3cDatetime(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, "Z");
}

/** The sitemap index: a `<sitemap>` per child, with the newest change it holds. */
export function sitemapIndex(children: SitemapUrl[]): string {
  const entries = children.map((child) => `<sitemap><loc>${xmlText(child.loc)}</loc><lastmod>${w3cDatetime(child.lastmod)}</lastmod></sitemap>\n`);
  return `${PROLOGUE}<sitemapindex xmlns="${SITEMAP_NS}">\n${entries.join("")}</sitemapindex>\n`;
}

/** A child sitemap is written in pieces, as its rows are read: this opening, `urlEntries` per batch, then URLSET_END. */
export const URLSET_START = `${PROLOGUE}<urlset xmlns="${SITEMAP_NS}">\n`;
export const URLSET_END = "</urlset>\n";

export function urlEntries(urls: SitemapUrl[]): string {
  return urls.map((url) => `<url><loc>${xmlText(url.loc)}</loc><lastmod>${w3cDatetime(url.lastmod)}</lastmod></url>\n`).join("");
}

/** The Google News sitemap: each article with its publication (name and language), publication date and title. */
export function newsSitemap(publisher: PublisherOptions, entries: NewsEntry[]): string {
  const language = newsLanguageOf(publisher.language);
  const publication = `<news:publication><news:name>${xmlText(publisher.name)}</news:name><news:language>${language}</news:language></news:publication>`;
  const urls = entries.map(
    (entry) =>
      `<url><loc>${xmlText(entry.loc)}</loc><news:news>${publication}` +
      `<news:publication_date>${w3cDatetime(entry.publishedAt)}</news:publication_date><news:title>${xmlText(entry.title)}</news:title></news:news></url>\n`,
  );
  return `${PROLOGUE}<urlset xmlns="${SITEMAP_NS}" xmlns:news="${NEWS_NS}">\n${urls.join("")}</urlset>\n`;
}

/**
 * `news:language` as Google News wants it: the ISO 639 code alone (`pt-BR`
 * is `pt`), except Chinese, which is `zh-cn` (simplified) or `zh-tw`
 * (traditional: Taiwan, Hong Kong, Macau or the Hant script).
 */
export function newsLanguageOf(tag: string): string {
  const [language, ...subtags] = tag.toLowerCase().split("-");
  if (language !== "zh") return language;
  return subtags.some((subtag) => ["tw", "hk", "mo", "hant"].includes(subtag)) ? "zh-tw" : "zh-cn";
}
