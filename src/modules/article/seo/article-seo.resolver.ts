import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { tags as cacheTags } from "../../../caching/cache-tags";
import { Article } from "../article.entity";
import { authorsOf, canonicalUrlOf, sectionOf, tagsOf } from "../article-relations";
import { ArticleContext } from "../article.services";
import { ArticleSeo, OpenGraph, TwitterCard } from "./article-seo.types";
import { SeoPage } from "./article-seo.service";

@Resolver(() => Article)
export class ArticleSeoFieldResolver {
  @FieldResolver(() => ArticleSeo, {
    description:
      "The page's title, meta description, canonical URL, Open Graph and X card properties and schema.org JSON-LD. " +
      "Reads the byline, section and tags as `authors`, `category` and `tags` do: a list of articles asking for it takes no statement more.",
  })
  seo(@Root() article: Article): ArticleSeo {
    return new ArticleSeo(article);
  }
}

@Resolver(() => ArticleSeo)
export class ArticleSeoResolver {
  @FieldResolver(() => String, { description: "<title>: the editor's seoTitle, else the headline." })
  title(@Root() { article }: ArticleSeo, @Ctx() ctx: ArticleContext): string {
    return ctx.services.seo.title(article);
  }

  @FieldResolver(() => String, {
    description: "<meta name=description>: the editor's seoDescription, else the editor's excerpt, the standfirst or the body's start, cut to 160 characters.",
  })
  description(@Root() { article }: ArticleSeo, @Ctx() ctx: ArticleContext): string {
    return ctx.services.seo.description(article);
  }

  @FieldResolver(() => String, { description: '<link rel="canonical">: the article\'s `url`.' })
  canonicalUrl(@Root() { article }: ArticleSeo, @Ctx() ctx: ArticleContext): Promise<string> {
    return canonicalUrlOf(article, ctx);
  }

  @FieldResolver(() => OpenGraph, { description: "The og: and article: meta tags." })
  async openGraph(@Root() { article }: ArticleSeo, @Ctx() ctx: ArticleContext): Promise<OpenGraph> {
    return ctx.services.seo.openGraph(await seoPageOf(article, ctx));
  }

  @FieldResolver(() => TwitterCard, { description: "The twitter: meta tags." })
  twitter(@Root() { article }: ArticleSeo, @Ctx() ctx: ArticleContext): TwitterCard {
    return ctx.services.seo.twitter(article);
  }

  @FieldResolver(() => String, {
    description:
      'schema.org NewsArticle as JSON, for <script type="application/ld+json">: headline (at most 110 characters), image ' +
      "(16x9, 4x3 and 1x1 renditions when an image service is configured, else the original), datePublished, dateModified, " +
      "author (each a Person with the URL of their page), publisher (PUBLISHER_NAME, PUBLISHER_LOGO_URL), mainEntityOfPage (the canonical URL) " +
      "and description. <, >, &, U+2028 and U+2029 are escaped as \\uXXXX, so it can be put in the script element as it is.",
  })
  async jsonLd(@Root() { article }: ArticleSeo, @Ctx() ctx: ArticleContext): Promise<string> {
    return ctx.services.seo.jsonLd(await seoPageOf(article, ctx));
  }
}

/**
 * What the page's metadata names of other rows, read as the article's own
 * fields read them. The answer is tagged with each of them, as if they were
 * shown as objects, so that renaming one purges the cached answer.
 */
async function seoPageOf(article: Article, ctx: ArticleContext): Promise<SeoPage> {
  const [canonicalUrl, authors, section, tags] = await Promise.all([
    canonicalUrlOf(article, ctx),
    authorsOf(article, ctx),
    sectionOf(article, ctx),
    tagsOf(article, ctx),
  ]);
  for (const byline of authors) ctx.cacheTags.add(cacheTags.author(byline.id));
  if (section) ctx.cacheTags.add(cacheTags.section(section.id));
  for (const tag of tags) ctx.cacheTags.add(cacheTags.tag(tag.id));
  return { article, canonicalUrl, authors, section, tags };
}
