import { EntityManager } from "typeorm";
import { firstFreeSlug, slugify } from "../../../shared/slug";
import { ArticleSlug } from "../article-slug.entity";
import { Article } from "../article.entity";

/**
 * The slug for `title`: `slugify(title)`, or with "-2", "-3"… appended when
 * another article holds it now or held it before (old slugs keep answering,
 * so they are never handed out again). `articleId`'s own slugs do not count.
 */
export async function uniqueSlug(manager: EntityManager, title: string, articleId: number | null = null): Promise<string> {
  const base = slugify(title);
  return firstFreeSlug(base, new Set(await slugsLike(manager, base, articleId)));
}

async function slugsLike(manager: EntityManager, base: string, articleId: number | null): Promise<string[]> {
  const pattern = `${base}%`;
  const other = articleId ?? 0;
  const current = await manager
    .createQueryBuilder(Article, "article")
    .select("article.slug", "slug")
    .where("article.slug LIKE :pattern AND article.id <> :other", { pattern, other })
    .getRawMany<{ slug: string }>();
  const old = await manager
    .createQueryBuilder(ArticleSlug, "old")
    .select("old.slug", "slug")
    .where("old.slug LIKE :pattern AND old.article_id <> :other", { pattern, other })
    .getRawMany<{ slug: string }>();
  return [...current, ...old].map((row) => row.slug);
}

/** Keeps `slug` answering for `articleId` after a rename; renaming back makes it current again. */
export async function retireSlug(manager: EntityManager, articleId: number, slug: string, replacement: string): Promise<void> {
  await manager.delete(ArticleSlug, { slug: replacement });
  await manager.upsert(ArticleSlug, { slug, articleId }, ["slug"]);
}
