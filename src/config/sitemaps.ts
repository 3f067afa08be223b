/**
 * How much one sitemap holds. Not read from the environment: the sitemaps
 * protocol caps a sitemap at 50,000 URLs and Google News one at 1,000
 * articles; tests pass smaller numbers to exercise the paging.
 */
export interface SitemapLimits {
  /** URLs in one child sitemap of `/sitemap.xml` (and the width of the id range it covers). */
  urlsPerSitemap: number;
  /** Articles in `/sitemap-news.xml`. */
  newsArticles: number;
}

export const DEFAULT_SITEMAP_LIMITS: SitemapLimits = { urlsPerSitemap: 50_000, newsArticles: 1_000 };
