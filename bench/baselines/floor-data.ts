import { DataSource } from "typeorm";
import { ArticleStatus } from "../../src/modules/article/article-status";
import { Article } from "../../src/modules/article/article.entity";
import { Author } from "../../src/modules/directory/author/author.entity";
import { Category } from "../../src/modules/directory/category/category.entity";
import { CommentStatus } from "../../src/modules/comment/comment-status";
import { Comment } from "../../src/modules/comment/comment.entity";
import { ArticleTag } from "../../src/modules/directory/tag/article-tag.entity";
import { Tag } from "../../src/modules/directory/tag/tag.entity";

/** Rows in a list's order, with each row's position, to continue after a cursor's id. */
export class OrderedList<T extends { id: number }> {
  private readonly positions = new Map<number, number>();

  constructor(readonly rows: T[]) {
    rows.forEach((row, index) => this.positions.set(row.id, index));
  }

  positionOf(id: number): number | undefined {
    return this.positions.get(id);
  }
}

/**
 * Everything the workloads read, held in memory in the order the database
 * sorts it (so names sort by the database's collation, as they do for the
 * server). Readers' rows only: published articles, approved comments.
 */
export interface FloorData {
  feed: OrderedList<Article>;
  authors: OrderedList<Author>;
  articleBySlug: Map<string, Article>;
  articleById: Map<number, Article>;
  authorById: Map<number, Author>;
  categoryById: Map<number, Category>;
  articlesByAuthor: Map<number, OrderedList<Article>>;
  articlesByCategory: Map<number, OrderedList<Article>>;
  tagsByArticle: Map<number, Tag[]>;
  /** Top-level comments, oldest first. */
  commentsByArticle: Map<number, OrderedList<Comment>>;
  repliesByComment: Map<number, OrderedList<Comment>>;
  /** Comments pinned to a block, replies included, in the order of `Article.inlineFeedback`: block position, then oldest first. */
  inlineFeedbackByArticle: Map<number, OrderedList<Comment>>;
}

export async function loadFloorData(dataSource: DataSource): Promise<FloorData> {
  const articles = await dataSource.getRepository(Article).find({
    where: { status: ArticleStatus.PUBLISHED },
    order: { publishedAt: "DESC", id: "DESC" },
  });
  const authors = await dataSource.getRepository(Author).find({ order: { name: "ASC", id: "ASC" } });
  const categories = await dataSource.getRepository(Category).find();
  const comments = await dataSource.getRepository(Comment).find({
    where: { status: CommentStatus.APPROVED },
    order: { createdAt: "ASC", id: "ASC" },
  });
  return {
    feed: new OrderedList(articles),
    authors: new OrderedList(authors),
    articleBySlug: new Map(articles.map((article) => [article.slug, article])),
    articleById: new Map(articles.map((article) => [article.id, article])),
    authorById: new Map(authors.map((author) => [author.id, author])),
    categoryById: new Map(categories.map((category) => [category.id, category])),
    articlesByAuthor: groupInOrder(articles, (article) => article.authorId),
    articlesByCategory: groupInOrder(articles, (article) => article.categoryId),
    tagsByArticle: await loadTagsByArticle(dataSource),
    commentsByArticle: groupInOrder(
      comments.filter((comment) => comment.parentId === null),
      (comment) => comment.articleId,
    ),
    repliesByComment: groupInOrder(
      comments.filter((comment) => comment.parentId !== null),
      (comment) => comment.parentId!,
    ),
    inlineFeedbackByArticle: groupInOrder(
      comments.filter((comment) => comment.anchorBlockId !== null).sort((a, b) => (a.anchorPosition ?? 0) - (b.anchorPosition ?? 0)),
      (comment) => comment.articleId,
    ),
  };
}

/** Each article's tags by name, in the database's order of names. */
async function loadTagsByArticle(dataSource: DataSource): Promise<Map<number, Tag[]>> {
  const tags = await dataSource.getRepository(Tag).find({ order: { name: "ASC", id: "ASC" } });
  const tagOrder = new OrderedList(tags);
  const links = await dataSource.getRepository(ArticleTag).find();
  links.sort((a, b) => tagOrder.positionOf(a.tagId)! - tagOrder.positionOf(b.tagId)!);
  const byArticle = new Map<number, Tag[]>();
  for (const link of links) {
    const group = byArticle.get(link.articleId) ?? [];
    group.push(tags[tagOrder.positionOf(link.tagId)!]);
    byArticle.set(link.articleId, group);
  }
  return byArticle;
}

function groupInOrder<T extends { id: number }>(rows: T[], parentOf: (row: T) => number): Map<number, OrderedList<T>> {
  const groups = new Map<number, T[]>();
  for (const row of rows) {
    const group = groups.get(parentOf(row)) ?? [];
    group.push(row);
    groups.set(parentOf(row), group);
  }
  return new Map([...groups].map(([parentId, group]) => [parentId, new OrderedList(group)]));
}
