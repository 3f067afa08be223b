import { EntityManager } from "typeorm";
import { Article } from "../article.entity";
import { BodyFormat } from "../body/body-format";
import { ArticleTag } from "../../directory";
import { ArticleRevision, RevisionContent } from "./article-revision.entity";
import { RevisionAction } from "./revision-action";

/** The body as the editor wrote it, when the save carried one. */
export interface BodySource {
  text: string;
  format: BodyFormat;
}

/** Snapshot field → the UpdateArticleInput field it is set through; what `changedFields` names. */
const INPUT_FIELDS: Record<Exclude<keyof RevisionContent, "bodySource" | "bodyFormat">, string> = {
  title: "title",
  subtitle: "subtitle",
  excerpt: "excerpt",
  seoTitle: "seoTitle",
  seoDescription: "seoDescription",
  body: "body",
  categoryId: "categoryId",
  tagIds: "tagIds",
  image: "featuredImage",
  slug: "slug",
};

/**
 * Keeps a revision of article `articleId` as it now is, in the caller's
 * transaction (after the save's UPDATE), so the revision and the save
 * commit or roll back together. `changedFields` compares with the article's
 * latest revision; the first revision lists every field that is set.
 */
export async function recordRevision(
  manager: EntityManager,
  userId: number | null,
  articleId: number,
  action: RevisionAction,
  source: BodySource | null = null,
): Promise<void> {
  const content = await snapshot(manager, articleId, source);
  const previous = await manager.findOne(ArticleRevision, { where: { articleId }, order: { id: "DESC" } });
  await manager.insert(ArticleRevision, {
    articleId,
    userId,
    action,
    changedFields: changedFields(previous?.content ?? null, content),
    content,
    createdAt: new Date(),
  });
}

async function snapshot(manager: EntityManager, articleId: number, source: BodySource | null): Promise<RevisionContent> {
  const article = await manager.findOneByOrFail(Article, { id: articleId });
  const tags = await manager.find(ArticleTag, { where: { articleId }, order: { tagId: "ASC" } });
  return {
    title: article.title,
    subtitle: article.subtitle,
    excerpt: article.editorExcerpt,
    seoTitle: article.seoTitle,
    seoDescription: article.seoDescription,
    body: article.body,
    bodySource: source?.text ?? null,
    bodyFormat: source?.format ?? null,
    categoryId: article.categoryId,
    tagIds: tags.map((tag) => tag.tagId),
    image: article.featuredImage,
    slug: article.slug,
  };
}

function changedFields(before: RevisionContent | null, after: RevisionContent): string[] {
  return Object.entries(INPUT_FIELDS)
    .filter(([key]) => {
      const field = key as keyof typeof INPUT_FIELDS;
      if (before === null) return after[field] != null && !(Array.isArray(after[field]) && after[field].length === 0);
      // A field a revision predates was unset then.
      return JSON.stringify(before[field] ?? null) !== JSON.stringify(after[field] ?? null);
    })
    .map(([, name]) => name);
}
