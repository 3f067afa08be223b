import { DocumentNode, GraphQLSchema, TypeInfo, visit, visitWithTypeInfo } from "graphql";

/**
 * How long (seconds) an answer showing a field may be kept by browsers, by
 * field coordinate or, for the fields not named, by the type that has it;
 * a field of a type not named sets no bound. What changes often (comments
 * and their counts, lists new articles enter) is kept shortly; what an
 * edit rarely touches (bodies, names) longer. Purges by tag make shared
 * caches exact anyway: this bounds what a browser keeps.
 */
const MAX_AGE_SECONDS: Record<string, number> = {
  Article: 300,
  "Article.commentCount": 10,
  "Article.comments": 10,
  "Article.inlineFeedback": 10,
  "Article.relatedArticles": 60,
  "Article.keepReading": 60,
  "Article.checkAlso": 60,
  "Article.previousArticle": 60,
  "Article.nextArticle": 60,
  Comment: 10,
  CommentConnection: 10,
  ArticleConnection: 60,
  RelatedArticleConnection: 60,
  Author: 3600,
  Category: 3600,
  Tag: 3600,
  AuthorConnection: 600,
  CategoryConnection: 600,
  TagConnection: 600,
};

const computed = new WeakMap<DocumentNode, number>();

/** The smallest max-age of the fields `document` selects, at most `ceiling`; computed once per parsed document. */
export function maxAgeOf(schema: GraphQLSchema, document: DocumentNode, ceiling: number): number {
  let age = computed.get(document);
  if (age === undefined) {
    age = Infinity;
    const typeInfo = new TypeInfo(schema);
    visit(
      document,
      visitWithTypeInfo(typeInfo, {
        Field() {
          const parent = typeInfo.getParentType()?.name;
          const field = typeInfo.getFieldDef()?.name;
          if (parent === undefined || field === undefined) return;
          age = Math.min(age!, MAX_AGE_SECONDS[`${parent}.${field}`] ?? MAX_AGE_SECONDS[parent] ?? Infinity);
        },
      }),
    );
    computed.set(document, age);
  }
  return Math.min(age, ceiling);
}
