import { GraphQLFieldResolver, GraphQLObjectType, GraphQLSchema, defaultFieldResolver, getNamedType, isInterfaceType, isObjectType } from "graphql";
import { Article } from "../modules/article/article.entity";
import { ArticleOrder } from "../modules/article/list/article.orders";
import { Author } from "../modules/directory/author/author.entity";
import { Category } from "../modules/directory/category/category.entity";
import { Comment } from "../modules/comment/comment.entity";
import { Tag } from "../modules/directory/tag/tag.entity";
import { tags } from "./cache-tags";

/** What a request's tags are collected into: the context's `cacheTags`. */
interface Tagged {
  cacheTags: Set<string>;
}

type TagRule = (parent: any, args: any, add: (tag: string) => void) => void;

/** The object tag of a value a field returned, by its class; undefined for anything that is not shown content. */
function objectTagOf(value: unknown): string | undefined {
  if (value instanceof Article) return tags.article(value.id);
  if (value instanceof Comment) return tags.thread(value.articleId);
  if (value instanceof Author) return tags.author(value.id);
  if (value instanceof Category) return tags.section(value.id);
  if (value instanceof Tag) return tags.tag(value.id);
  return undefined;
}

/** `articles(filter, orderBy)`: the lists that define it, each enough to purge it when it changes. */
function articleListTags(_parent: unknown, args: { filter?: Record<string, any> | null; orderBy?: string | null }, add: (tag: string) => void): void {
  const filter = args.filter ?? {};
  const narrowing: string[] = [];
  if (filter.authorSlug != null) narrowing.push(tags.authorFeed(filter.authorSlug));
  if (filter.categorySlug != null) narrowing.push(tags.sectionFeed(filter.categorySlug));
  for (const slug of filter.tagSlugs ?? []) narrowing.push(tags.tagFeed(slug));
  if (filter.search != null) narrowing.push(tags.search);
  narrowing.forEach(add);
  if (narrowing.length === 0 || (filter.tagSlugs != null && filter.tagSlugs.length === 0)) add(tags.frontFeed);
  if (args.orderBy === ArticleOrder.MOST_DISCUSSED) add(tags.mostDiscussed);
}

const readingPath: TagRule = (_parent, _args, add) => add(tags.readingPath);
const thread: TagRule = (parent: Article, _args, add) => add(tags.thread(parent.id));

/**
 * The list tags of each field that pages or picks from a list, by schema
 * coordinate. Objects need no rule: every value a field returns is tagged
 * by its class (`objectTagOf`), lists' items included.
 */
const LIST_RULES: Record<string, TagRule> = {
  "Query.articles": articleListTags,
  "Query.authors": (_parent, _args, add) => add(tags.authors),
  "Query.categories": (_parent, _args, add) => add(tags.sections),
  "Query.tags": (_parent, _args, add) => add(tags.tagList),
  "Author.articles": (parent: Author, _args, add) => add(tags.authorFeed(parent.slug)),
  "Category.articles": (parent: Category, _args, add) => add(tags.sectionFeed(parent.slug)),
  "Tag.articles": (parent: Tag, _args, add) => add(tags.tagFeed(parent.slug)),
  "Article.comments": thread,
  "Article.inlineFeedback": thread,
  "Comment.replies": (parent: Comment, _args, add) => add(tags.thread(parent.articleId)),
  "Article.relatedArticles": readingPath,
  "Article.keepReading": readingPath,
  "Article.checkAlso": readingPath,
  "Article.previousArticle": readingPath,
  "Article.nextArticle": readingPath,
};

/** Types whose fields may return shown content or page a list: the rest (mutations, payloads, users) are never shared. */
const SKIPPED_TYPES = new Set(["Mutation", "Subscription"]);

const instrumented = new WeakSet<GraphQLSchema>();

/**
 * Wraps the resolvers of `schema` (in place) so that each request collects
 * into `context.cacheTags` the tags of what its answer shows: the object
 * tag of every Article, Comment, Author, Category and Tag a field returns,
 * the list tags of `LIST_RULES`, and `missing` for a root lookup that found
 * nothing. Only fields returning objects are wrapped: scalar fields, most
 * of an answer, run as they did.
 */
export function collectAnswerTags(schema: GraphQLSchema): GraphQLSchema {
  // The schema is built once per process and shared by every server in it: wrapped once.
  if (instrumented.has(schema)) return schema;
  instrumented.add(schema);
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith("__") || SKIPPED_TYPES.has(type.name)) continue;
    wrapFields(type, type === schema.getQueryType());
  }
  return schema;
}

function wrapFields(type: GraphQLObjectType, root: boolean): void {
  for (const field of Object.values(type.getFields())) {
    const rule = LIST_RULES[`${type.name}.${field.name}`];
    const named = getNamedType(field.type);
    if (!rule && !isObjectType(named) && !isInterfaceType(named)) continue;
    field.resolve = tagging(field.resolve ?? defaultFieldResolver, rule, root);
  }
}

function tagging(resolve: GraphQLFieldResolver<unknown, Tagged>, rule: TagRule | undefined, root: boolean): GraphQLFieldResolver<unknown, Tagged> {
  return (parent, args, context, info) => {
    const add = (tag: string) => context.cacheTags.add(tag);
    if (rule) rule(parent, args, add);
    const result = resolve(parent, args, context, info);
    if (result instanceof Promise) return result.then((value) => tagValue(value, add, root));
    return tagValue(result, add, root);
  };
}

function tagValue<T>(value: T, add: (tag: string) => void, root: boolean): T {
  if (Array.isArray(value)) {
    for (const item of value) tagOne(item, add, root);
  } else {
    tagOne(value, add, root);
  }
  return value;
}

function tagOne(value: unknown, add: (tag: string) => void, root: boolean): void {
  if (value == null) {
    if (root) add(tags.missing);
    return;
  }
  const tag = objectTagOf(value);
  if (tag) add(tag);
}
