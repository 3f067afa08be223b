import { PublisherOptions } from "../../../config";
import { truncateAtWord } from "../../../shared/text";
import { Author, Category, PublicUrls, Tag } from "../../directory";
import { Article } from "../article.entity";
import { ResponsiveImages } from "../images/responsive-images";
import { newsArticle } from "./news-article";
import { OpenGraph, SharedImage, TwitterCard } from "./article-seo.types";
import { scriptSafeJson } from "./script-safe-json";
import { SeoImages } from "./seo-images";

/** What a default meta description is cut to: what a results page shows. */
export const DESCRIPTION_LENGTH = 160;

/** Google's article structured data shows at most this much of a headline. */
export const HEADLINE_LENGTH = 110;

/** What the page shows of other rows: the canonical URL and what the byline, section and tags say. */
export interface SeoPage {
  article: Article;
  canonicalUrl: string;
  authors: Author[];
  section: Category | null;
  tags: Tag[];
}

/**
 * The metadata of an article's page, from the article, what its page shows
 * of other rows, PUBLISHER_* and the image service: no SQL of its own.
 * The editor's `seoTitle` and `seoDescription` win over the headline and
 * the excerpt.
 */
export class ArticleSeoService {
  private readonly images: SeoImages;

  constructor(
    images: ResponsiveImages,
    private readonly urls: PublicUrls,
    private readonly publisher: PublisherOptions,
  ) {
    this.images = new SeoImages(images);
  }

  title(article: Article): string {
    return article.seoTitle ?? article.title;
  }

  /** The editor's description; else the editor's excerpt, the standfirst or the body's start, cut at a word. */
  description(article: Article): string {
    return article.seoDescription ?? truncateAtWord(article.editorExcerpt ?? article.subtitle ?? article.leadText, DESCRIPTION_LENGTH);
  }

  openGraph(page: SeoPage): OpenGraph {
    const { article } = page;
    return {
      type: "article",
      title: this.title(article),
      description: this.description(article),
      url: page.canonicalUrl,
      siteName: this.publisher.name,
      image: this.sharedImage(article),
      publishedTime: article.publishedAt,
      modifiedTime: modifiedAt(article),
      section: page.section?.name ?? null,
      tags: page.tags.map((tag) => tag.name),
      authors: page.authors.map((author) => this.urls.author(author)),
    };
  }

  twitter(article: Article): TwitterCard {
    const image = this.sharedImage(article);
    return {
      card: image ? "summary_large_image" : "summary",
      title: this.title(article),
      description: this.description(article),
      image: image?.url ?? null,
      imageAlt: image?.alt ?? null,
    };
  }

  /** schema.org NewsArticle as JSON that is safe inside `<script type="application/ld+json">`. */
  jsonLd(page: SeoPage): string {
    const { article } = page;
    const image = article.featuredImage;
    const facts = {
      headline: truncateAtWord(this.title(article), HEADLINE_LENGTH),
      description: this.description(article),
      canonicalUrl: page.canonicalUrl,
      images: image ? this.images.structuredData(image) : [],
      publishedAt: article.publishedAt,
      modifiedAt: modifiedAt(article),
      authors: page.authors.map((author) => ({ name: author.name, url: this.urls.author(author) })),
      section: page.section?.name ?? null,
      keywords: page.tags.map((tag) => tag.name),
      home: this.urls.home,
    };
    return scriptSafeJson(newsArticle(facts, this.publisher));
  }

  private sharedImage(article: Article): SharedImage | null {
    const image = article.featuredImage;
    return image ? { ...this.images.share(image), alt: image.alt } : null;
  }
}

/** Google wants dateModified no earlier than datePublished: a scheduled article is published after its last edit. */
function modifiedAt(article: Article): Date {
  return article.publishedAt && article.publishedAt > article.updatedAt ? article.publishedAt : article.updatedAt;
}
