import { DataSource } from "typeorm";
import { ArticleService } from "./modules/article/article.service";
import { ReadingPathService } from "./modules/article/reading-path.service";
import { Author } from "./modules/author/author.entity";
import { Category } from "./modules/category/category.entity";
import { CommentService } from "./modules/comment/comment.service";
import { TagService } from "./modules/tag/tag.service";
import { NamedEntityService } from "./shared/named-entity.service";

/** Every service, wired once per process; only the context is per request. */
export function createServices(dataSource: DataSource) {
  const articles = new ArticleService(dataSource);
  return {
    articles,
    readingPath: new ReadingPathService(dataSource, articles),
    authors: new NamedEntityService(dataSource, Author, "authors"),
    categories: new NamedEntityService(dataSource, Category, "categories"),
    tags: new TagService(dataSource),
    comments: new CommentService(dataSource),
  };
}

export type Services = ReturnType<typeof createServices>;
