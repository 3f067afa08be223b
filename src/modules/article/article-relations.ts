import { Author, Category, Tag } from "../directory";
import { Article } from "./article.entity";
import { ArticleContext } from "./article.services";

/*
 * What an article's page shows of other rows: joined in by the list that
 * read the article when its fields were asked for (`article-list-shape.ts`),
 * else loaded through the request's loaders, one batch for every article
 * of the answer.
 */

/** The lead author. */
export function bylineOf(article: Article, ctx: ArticleContext): Promise<Author | null> | Author {
  return article.joinedAuthor ?? ctx.loaders.authorById.load(article.authorId);
}

/** Everyone the byline credits, the lead first. */
export function authorsOf(article: Article, ctx: ArticleContext): Promise<Author[]> | Author[] {
  return article.joinedAuthors ?? ctx.loaders.authorsByArticle.load(article.id);
}

export function sectionOf(article: Article, ctx: ArticleContext): Promise<Category | null> | Category {
  return article.joinedCategory ?? ctx.loaders.categoryById.load(article.categoryId);
}

/** By name. */
export function tagsOf(article: Article, ctx: ArticleContext): Promise<Tag[]> | Tag[] {
  return article.joinedTags ?? ctx.loaders.tagsByArticle.load(article.id);
}

/** PUBLIC_URL and ARTICLE_URL_TEMPLATE; the section is read only when the template names it. */
export async function canonicalUrlOf(article: Article, ctx: ArticleContext): Promise<string> {
  const { urls } = ctx.services;
  return urls.article(article, urls.articlesNameSection ? await sectionOf(article, ctx) : null);
}
