import { Article } from "../modules/article/article.entity";
import { Author } from "../modules/author/author.entity";
import { Category } from "../modules/category/category.entity";
import { Comment } from "../modules/comment/comment.entity";
import { ArticleTag } from "../modules/tag/article-tag.entity";
import { Tag } from "../modules/tag/tag.entity";
import { User } from "../modules/user/user.entity";

export const entities = [Article, ArticleTag, Author, Category, Comment, Tag, User];
