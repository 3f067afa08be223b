import { DataSource } from "typeorm";
import { ArticleStatus } from "../../src/modules/article/article-status";
import { Article } from "../../src/modules/article/article.entity";
import { ArticleAuthor } from "../../src/modules/article/byline/article-author.entity";
import { prepareBody } from "../../src/modules/article/body/prepare-body";
import { contentOf } from "../../src/modules/article/content/article-content";
import { Author } from "../../src/modules/directory/author/author.entity";
import { Category } from "../../src/modules/directory/category/category.entity";
import { CommentStatus } from "../../src/modules/comment/comment-status";
import { Comment } from "../../src/modules/comment/comment.entity";
import { ArticleTag } from "../../src/modules/directory/tag/article-tag.entity";
import { Tag } from "../../src/modules/directory/tag/tag.entity";

/**
 * Builders of rows for tests, written straight to the database: each test
 * seeds what it asserts on, with only the fields it cares about given.
 */
let sequence = 0;
const next = () => ++sequence;

export async function createAuthor(ds: DataSource, overrides: Partial<Author> = {}): Promise<Author> {
  const n = next();
  return ds
    .getRepository(Author)
    .save(ds.getRepository(Author).create({ slug: `author-${n}`, name: `Author ${n}`, bio: null, avatarUrl: null, createdAt: new Date(), ...overrides }));
}

export async function createCategory(ds: DataSource, overrides: Partial<Category> = {}): Promise<Category> {
  const n = next();
  return ds.getRepository(Category).save(ds.getRepository(Category).create({ slug: `section-${n}`, name: `Section ${n}`, description: null, ...overrides }));
}

export async function createTag(ds: DataSource, overrides: Partial<Tag> = {}): Promise<Tag> {
  const n = next();
  return ds.getRepository(Tag).save(ds.getRepository(Tag).create({ slug: `tag-${n}`, name: `Tag ${n}`, ...overrides }));
}

export interface ArticleOverrides extends Partial<Article> {
  author: Author;
  /** Credited after `author`, in order. */
  coAuthors?: Author[];
  category: Category;
  tags?: Tag[];
}

const DEFAULT_BODY =
  '<h2 id="the-story">The story</h2><p id="p-1">Something happened today, and people noticed.</p>' +
  '<h2 id="what-next">What next</h2><p id="p-2">Nobody knows yet what will follow.</p>';

/** A published article (unless overridden) with its tags, its body written through the write path (`prepareBody`). */
export async function createArticle(
  ds: DataSource,
  { author, coAuthors = [], category, tags = [], body = DEFAULT_BODY, ...overrides }: ArticleOverrides,
): Promise<Article> {
  const n = next();
  const { html, blocks: _blocks, ...derived } = prepareBody(body);
  const publishedAt = overrides.publishedAt === undefined ? new Date(Date.UTC(2026, 0, 1) + n * 60_000) : overrides.publishedAt;
  const article = await ds.getRepository(Article).save(
    ds.getRepository(Article).create({
      slug: `article-${n}`,
      title: `Article ${n}`,
      subtitle: null,
      editorExcerpt: null,
      body: html,
      ...derived,
      content: contentOf(html, overrides.keepReadingAfterBlockId ?? null),
      keepReadingAfterBlockId: null,
      keepReadingId: null,
      status: ArticleStatus.PUBLISHED,
      createdAt: publishedAt ?? new Date(),
      updatedAt: publishedAt ?? new Date(),
      version: 1,
      commentCount: 0,
      authorId: author.id,
      categoryId: category.id,
      imageUrl: null,
      imageAlt: null,
      imageCaption: null,
      imageWidth: null,
      imageHeight: null,
      imageFocalX: null,
      imageFocalY: null,
      ...overrides,
      publishedAt,
    }),
  );
  await ds.getRepository(ArticleAuthor).insert([author, ...coAuthors].map((byline, position) => ({ articleId: article.id, authorId: byline.id, position })));
  if (tags.length > 0) {
    await ds.getRepository(ArticleTag).insert(tags.map((tag) => ({ articleId: article.id, tagId: tag.id })));
  }
  return article;
}

export interface CommentOverrides extends Partial<Comment> {
  article: Article;
  parent?: Comment;
}

/** An approved comment (unless overridden); keeps the article's comment count as the write path must. */
export async function createComment(ds: DataSource, { article, parent, ...overrides }: CommentOverrides): Promise<Comment> {
  const n = next();
  const comment = await ds.getRepository(Comment).save(
    ds.getRepository(Comment).create({
      articleId: article.id,
      parentId: parent?.id ?? null,
      authorName: `Reader ${n}`,
      authorEmail: `reader${n}@example.com`,
      body: `<p>Comment ${n}</p>`,
      status: CommentStatus.APPROVED,
      createdAt: new Date(Date.UTC(2026, 1, 1) + n * 1000),
      anchorBlockId: null,
      anchorQuote: null,
      ...overrides,
    }),
  );
  if (comment.status === CommentStatus.APPROVED) {
    await ds.getRepository(Article).increment({ id: article.id }, "commentCount", 1);
  }
  return comment;
}
