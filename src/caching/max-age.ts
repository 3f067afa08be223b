import { DocumentNode, GraphQLSchema, Kind, TypeInfo, visit, visitWithTypeInfo } from "graphql";

/**
 * View counts, and lists ordered by them, change with no write: every view
 * flush (VIEW_FLUSH_INTERVAL_MS, 10 s by default) purges them from shared
 * caches, but a browser's copy cannot be purged. 30 s keeps a reader's
 * "Most read" box at most about three flushes behind while still letting
 * them go back and forth between pages without asking again.
 */
const MOST_READ_SECONDS = 30;

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
  // Its blocks show inline feedback counts.
  "Article.content": 10,
  "Article.relatedArticles": 60,
  "Article.keepReading": 60,
  "Article.checkAlso": 60,
  "Article.previousArticle": 60,
  "Article.nextArticle": 60,
  "Article.viewCount": MOST_READ_SECONDS,
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

/**
 * Bounds that depend on an argument's value, by field coordinate, argument
 * and value: the same field is cached as long as its type allows in one
 * order, and shortly in an order that moves with no write.
 */
const MAX_AGE_BY_ARGUMENT: Record<string, Record<string, Record<string, number>>> = {
  "Query.articles": { orderBy: { MOST_READ: MOST_READ_SECONDS } },
};

/** A document's bound: what its fields and literal arguments allow, and what applies when a variable takes a value. */
interface DocumentAge {
  fixed: number;
  /** `[variable, value, seconds]`: the bound when the variable (or its default) is that value. */
  byVariable: [string, string, number][];
  /** The variables' default values that are names (enum values). */
  defaults: Record<string, string>;
}

const computed = new WeakMap<DocumentNode, DocumentAge>();

/**
 * The smallest max-age of the fields `document` selects, with the argument
 * values it sends (literally or in `variables`), at most `ceiling`; the
 * document's part is computed once per parsed document.
 */
export function maxAgeOf(schema: GraphQLSchema, document: DocumentNode, ceiling: number, variables: Record<string, unknown> = {}): number {
  let age = computed.get(document);
  if (age === undefined) computed.set(document, (age = documentAge(schema, document)));
  let seconds = age.fixed;
  for (const [name, value, bound] of age.byVariable) if ((variables[name] ?? age.defaults[name]) === value) seconds = Math.min(seconds, bound);
  return Math.min(seconds, ceiling);
}

function documentAge(schema: GraphQLSchema, document: DocumentNode): DocumentAge {
  const age: DocumentAge = { fixed: Infinity, byVariable: [], defaults: {} };
  const typeInfo = new TypeInfo(schema);
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      VariableDefinition(definition) {
        if (definition.defaultValue?.kind === Kind.ENUM) age.defaults[definition.variable.name.value] = definition.defaultValue.value;
      },
      Field(node) {
        const parent = typeInfo.getParentType()?.name;
        const field = typeInfo.getFieldDef()?.name;
        if (parent === undefined || field === undefined) return;
        age.fixed = Math.min(age.fixed, MAX_AGE_SECONDS[`${parent}.${field}`] ?? MAX_AGE_SECONDS[parent] ?? Infinity);
        const byArgument = MAX_AGE_BY_ARGUMENT[`${parent}.${field}`];
        for (const argument of byArgument ? (node.arguments ?? []) : []) {
          const bounds = byArgument[argument.name.value] ?? {};
          const value = argument.value;
          if (value.kind === Kind.ENUM && value.value in bounds) age.fixed = Math.min(age.fixed, bounds[value.value]);
          if (value.kind === Kind.VARIABLE) for (const [named, seconds] of Object.entries(bounds)) age.byVariable.push([value.name.value, named, seconds]);
        }
      },
    }),
  );
  return age;
}
