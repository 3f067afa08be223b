import { Field, Int, ObjectType } from "type-graphql";
import { Article } from "../article.entity";

@ObjectType({ description: "The lead image as a share shows it: a rendition from the image service when one is configured, else the original." })
export class SharedImage {
  @Field({ description: "An absolute URL." })
  url: string;

  @Field(() => Int, { nullable: true, description: "Pixels; null when the original's size is unknown." })
  width: number | null;

  @Field(() => Int, { nullable: true, description: "Pixels; null when the original's size is unknown." })
  height: number | null;

  @Field({ description: "The lead image's text alternative." })
  alt: string;
}

@ObjectType({ description: "Open Graph properties of an article's page (https://ogp.me): the `og:` and `article:` meta tags." })
export class OpenGraph {
  @Field({ description: "og:type: always `article`." })
  type: string;

  @Field({ description: "og:title: the page title (`seo.title`)." })
  title: string;

  @Field({ description: "og:description: the meta description (`seo.description`)." })
  description: string;

  @Field({ description: "og:url: the canonical URL." })
  url: string;

  @Field({ description: "og:site_name: PUBLISHER_NAME." })
  siteName: string;

  @Field(() => SharedImage, { nullable: true, description: "og:image with its width, height and alt; null without a lead image." })
  image: SharedImage | null;

  @Field(() => Date, { nullable: true, description: "article:published_time; null until the article is published." })
  publishedTime: Date | null;

  @Field(() => Date, { description: "article:modified_time." })
  modifiedTime: Date;

  @Field(() => String, { nullable: true, description: "article:section: the section's name." })
  section: string | null;

  @Field(() => [String], { description: "article:tag: the tags' names, by name." })
  tags: string[];

  @Field(() => [String], { description: "article:author: the canonical URLs of the byline's author pages." })
  authors: string[];
}

@ObjectType({ description: "X (Twitter) card properties of an article's page: the `twitter:` meta tags." })
export class TwitterCard {
  @Field({ description: "twitter:card: `summary_large_image` when the article has a lead image, else `summary`." })
  card: string;

  @Field({ description: "twitter:title." })
  title: string;

  @Field({ description: "twitter:description." })
  description: string;

  @Field(() => String, { nullable: true, description: "twitter:image: the Open Graph image's URL; null without a lead image." })
  image: string | null;

  @Field(() => String, { nullable: true, description: "twitter:image:alt." })
  imageAlt: string | null;
}

/**
 * What an article's page puts in its `<head>` for search engines and
 * shares. Its fields that need more than the article row (canonical URL,
 * byline, section, tags) are resolved by `ArticleSeoResolver`.
 */
@ObjectType({ description: "What an article's page puts in its <head> for search engines and social networks." })
export class ArticleSeo {
  constructor(readonly article: Article) {}
}
