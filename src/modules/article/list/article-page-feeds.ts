import { FieldNode, GraphQLObjectType, GraphQLResolveInfo, getArgumentValues } from "graphql";
import { ObjectLiteral } from "typeorm";
import { ComputedColumns, PageColumn } from "../../../shared/pagination/fetch";
import { fieldGroupsOf, nodeFieldsOfNodes, selectedFieldsOfNodes } from "../../../shared/pagination/node-fields";
import { PageLoader } from "../../../shared/pagination/paged-loader";
import { PageRequest } from "../../../shared/pagination/page-request";
import { ArticleContext } from "../article.services";
import { Article } from "../article.entity";
import { checkAlsoCandidates } from "../reading-path/reading-path.service";
import { joinedIdOfPage } from "./article-list-shape";
import { articleOrders } from "./article.orders";
import { firstPageRequest } from "./owner-feeds.resolver";

type Groups = FieldNode[][];

/** A feed of the byline or the section that an article page shows, and who on the page asks for its first pages. */
interface PageFeed {
  field: "author" | "category";
  type: "Author" | "Category";
  owner(article: Article): number | null;
  loader(ctx: ArticleContext, request: PageRequest<Article>): PageLoader<Article>;
  column(ctx: ArticleContext, request: PageRequest<Article>, ownerKey: string): PageColumn<Article>;
  /** What the article's other fields (`groups`, by response key) ask of the feed besides its owner's `articles`. */
  alsoAsked(groups: Groups, info: GraphQLResolveInfo): PageRequest<Article>[];
}

const FEEDS: PageFeed[] = [
  {
    field: "author",
    type: "Author",
    owner: (article) => article.authorId,
    loader: (ctx, request) => ctx.loaders.articlesByAuthor(request),
    column: (ctx, request, ownerKey) => ctx.services.articles.pageColumnByAuthor(request, ownerKey),
    alsoAsked: () => [],
  },
  {
    field: "category",
    type: "Category",
    owner: (article) => article.categoryId,
    loader: (ctx, request) => ctx.loaders.articlesByCategory(request),
    column: (ctx, request, ownerKey) => ctx.services.articles.pageColumnByCategory(request, ownerKey),
    // Check Also chooses from the section's newest articles.
    alsoAsked: (groups, info) =>
      groups.filter((group) => group[0].name.value === "checkAlso").map((group) => checkAlsoCandidates(selectedFieldsOfNodes(group, info.fragments))),
  },
];

/**
 * The first pages of the byline's and the section's articles that the
 * article page (the lookup that `info` resolves) shows, under `author {
 * articles }` and `category { articles }` and, with the section shown, as
 * Check Also's candidates, each feed's as one column of the lookup's own
 * statement (its article aliased `alias`): one read as large as the
 * largest with the fields of all, handed to the loader the resolvers read,
 * which cuts each page from it. Pages under a cursor or read backwards are
 * left to the loader.
 */
export function articlePageFeeds(info: GraphQLResolveInfo, ctx: ArticleContext, alias: string): ComputedColumns<Article, Article> | undefined {
  const groups = fieldGroupsOf(info.fieldNodes, info.fragments);
  const columns: Record<string, string> = {};
  const parameters: ObjectLiteral = {};
  const takes: ((article: Article, raw: ObjectLiteral) => void)[] = [];
  for (const feed of FEEDS) {
    // The owner's key is its joined row's: an article page not showing the owner keeps the feed's loader.
    if (!groups.some((group) => group[0].name.value === feed.field)) continue;
    const read = largestRead([...ownerPages(feed, groups, info), ...feed.alsoAsked(groups, info)]);
    const prime = read && feed.loader(ctx, read).prime;
    if (!read || !prime) continue;
    const column = feed.column(ctx, read, joinedIdOfPage(alias, feed.field));
    const name = `page_feed_${feed.field}`;
    columns[name] = column.sql;
    Object.assign(parameters, column.parameters);
    takes.push((article, raw) => {
      const owner = feed.owner(article);
      if (owner !== null) prime(owner, column.read(raw[name]));
    });
  }
  if (takes.length === 0) return undefined;
  return {
    columns,
    parameters,
    build(article, raw) {
      for (const take of takes) take(article, raw);
      return article;
    },
  };
}

/** The requests of `articles` under the feed's owner field (every alias of either), each as its resolver makes it; a refused or cursor one is left out. */
function ownerPages(feed: PageFeed, groups: Groups, info: GraphQLResolveInfo): PageRequest<Article>[] {
  const definition = (info.schema.getType(feed.type) as GraphQLObjectType).getFields().articles;
  return groups
    .filter((group) => group[0].name.value === feed.field)
    .flatMap((owner) => fieldGroupsOf(owner, info.fragments))
    .filter((group) => group[0].name.value === "articles")
    .map((group) => firstPageRequest(getArgumentValues(definition, group[0], info.variableValues), nodeFieldsOfNodes(group, info.fragments)))
    .filter((request): request is PageRequest<Article> => request !== null);
}

/** The one forward read of the newest articles that answers every forward request of `requests`: the largest, with the fields of all; null for none. */
function largestRead(requests: PageRequest<Article>[]): PageRequest<Article> | null {
  const forward = requests.filter((request) => !request.backward);
  if (forward.length === 0) return null;
  return {
    order: articleOrders.NEWEST,
    limit: Math.max(...forward.map((request) => request.limit)),
    backward: false,
    after: null,
    before: null,
    fields: [...new Set(forward.flatMap((request) => request.fields ?? []))].sort(),
  };
}
