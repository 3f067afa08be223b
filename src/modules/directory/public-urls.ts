import { PublicUrlOptions } from "../../config";

/**
 * The canonical URL of every page of the publication, under PUBLIC_URL:
 * an article at ARTICLE_URL_TEMPLATE (`/{section}/{slug}` unless set), a
 * section at `/{section}`, an author at `/author/{slug}`, a tag at
 * `/tag/{slug}`. A section whose slug is `author` or `tag` shares its
 * path with those pages: the site's router decides which one it shows.
 */
export class PublicUrls {
  constructor(private readonly options: PublicUrlOptions) {}

  /** PUBLIC_URL, without a trailing slash: the publication's home page. */
  get home(): string {
    return this.options.publicUrl;
  }

  /** Whether an article's URL names its section: if not, finding it takes no lookup. */
  get articlesNameSection(): boolean {
    return this.options.articlePath.includes("{section}");
  }

  article(article: { slug: string }, section: { slug: string } | null): string {
    const values: Record<string, string> = { slug: article.slug, section: section?.slug ?? "" };
    return this.at(this.options.articlePath.replace(/\{(\w+)\}/g, (_placeholder, name: string) => encodeURIComponent(values[name])));
  }

  section(section: { slug: string }): string {
    return this.at(`/${encodeURIComponent(section.slug)}`);
  }

  author(author: { slug: string }): string {
    return this.at(`/author/${encodeURIComponent(author.slug)}`);
  }

  tag(tag: { slug: string }): string {
    return this.at(`/tag/${encodeURIComponent(tag.slug)}`);
  }

  /** `path` (from the root) under PUBLIC_URL. */
  at(path: string): string {
    return `${this.options.publicUrl}${path}`;
  }
}
