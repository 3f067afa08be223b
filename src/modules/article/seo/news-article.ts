import { PublisherOptions } from "../../../config";

/** A schema.org Person or Organization as Google's article structured data wants them: a name and the URL of their page. */
interface Named {
  name: string;
  url: string;
}

/** What the page's `NewsArticle` says, gathered by `ArticleSeoService`. */
export interface NewsArticleFacts {
  headline: string;
  description: string;
  canonicalUrl: string;
  images: string[];
  publishedAt: Date | null;
  modifiedAt: Date;
  authors: Named[];
  section: string | null;
  keywords: string[];
  home: string;
}

/**
 * schema.org `NewsArticle` JSON-LD with the properties Google's article
 * structured data documents (headline, image, datePublished, dateModified,
 * author as Person with a url, publisher), and the canonical URL as
 * `mainEntityOfPage`. Dates are ISO 8601 in UTC (`Z`). What is unknown
 * (no lead image, not yet published, no logo) is left out, not null.
 */
export function newsArticle(facts: NewsArticleFacts, publisher: PublisherOptions): Record<string, unknown> {
  return {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    headline: facts.headline,
    description: facts.description,
    url: facts.canonicalUrl,
    mainEntityOfPage: facts.canonicalUrl,
    ...(facts.images.length > 0 ? { image: facts.images } : {}),
    ...(facts.publishedAt ? { datePublished: facts.publishedAt.toISOString() } : {}),
    dateModified: facts.modifiedAt.toISOString(),
    author: facts.authors.map((author) => ({ "@type": "Person", name: author.name, url: author.url })),
    publisher: {
      "@type": "Organization",
      name: publisher.name,
      url: facts.home,
      ...(publisher.logoUrl ? { logo: { "@type": "ImageObject", url: publisher.logoUrl } } : {}),
    },
    ...(facts.section ? { articleSection: facts.section } : {}),
    ...(facts.keywords.length > 0 ? { keywords: facts.keywords } : {}),
    inLanguage: publisher.language,
  };
}
