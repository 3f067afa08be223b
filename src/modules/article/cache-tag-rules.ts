import { AnswerTagRules, ListTagRule } from "../../caching/answer-tags";
import { tags } from "../../caching/cache-tags";
import { Author, Category, Tag } from "../directory";
import { Article } from "./article.entity";
import { ArticleOrder } from "./list/article.orders";

/** `articles(filter, orderBy)`: the lists that define it, each enough to purge it when it changes. */
const articleListTags: ListTagRule = (_parent, args: { filter?: Record<string, any> | null; orderBy?: string | null }, add) => {
  const filter = args.filter ?? {};
  const narrowing: string[] = [];
  if (filter.authorSlug != null) narrowing.push(tags.authorFeed(filter.authorSlug));
  if (filter.categorySlug != null) narrowing.push(tags.sectionFeed(filter.categorySlug));
  for (const slug of filter.tagSlugs ?? []) narrowing.push(tags.tagFeed(slug));
  if (filter.search != null) narrowing.push(tags.search);
  narrowing.forEach(add);
  if (narrowing.length === 0 || (filter.tagSlugs != null && filter.tagSlugs.length === 0)) add(tags.frontFeed);
  if (args.orderBy === ArticleOrder.MOST_DISCUSSED) add(tags.mostDiscussed);
  if (args.orderBy === ArticleOrder.MOST_READ) add(tags.mostRead);
};

/** View counts change with each flush of counted views, which purges this tag (`ViewCounter`). */
const viewCounts: ListTagRule = (_parent, _args, add) => add(tags.mostRead);

const readingPath: ListTagRule = (_parent, _args, add) => add(tags.readingPath);

/** What answers showing articles and their lists are tagged with (`caching/answer-tags.ts`). */
export const articleCacheTagRules: AnswerTagRules = {
  objects: [{ type: Article, tag: (article: Article) => tags.article(article.id) }],
  lists: {
    "Query.articles": articleListTags,
    "Author.articles": (parent: Author, _args, add) => add(tags.authorFeed(parent.slug)),
    "Category.articles": (parent: Category, _args, add) => add(tags.sectionFeed(parent.slug)),
    "Tag.articles": (parent: Tag, _args, add) => add(tags.tagFeed(parent.slug)),
    "Article.relatedArticles": readingPath,
    "Article.keepReading": readingPath,
    "Article.checkAlso": readingPath,
    "Article.previousArticle": readingPath,
    "Article.nextArticle": readingPath,
    "Article.viewCount": viewCounts,
  },
};
