import { readFileSync } from "node:fs";
import { buildSchema, GraphQLFieldResolver, GraphQLObjectType, GraphQLSchema } from "graphql";
import { articleOrders } from "../../src/modules/article/list/article.orders";
import { Article } from "../../src/modules/article/article.entity";
import { CHECK_ALSO_CANDIDATES, RELATED_PICKS, ReadingPathService, chooseCheckAlso } from "../../src/modules/article/reading-path/reading-path.service";
import { RelatedArticle, RelatedArticleEdge, RelatedRanking, relatedOrder } from "../../src/modules/article/reading-path/related-article";
import { Author } from "../../src/modules/directory/author/author.entity";
import { Category } from "../../src/modules/directory/category/category.entity";
import { commentOrders, inlineFeedbackOrder } from "../../src/modules/comment/comment.orders";
import { blocksOf } from "../../src/modules/article/content/blocks-of";
import { Comment } from "../../src/modules/comment/comment.entity";
import { Node } from "../../src/shared/node.type";
import { ConnectionArgs } from "../../src/shared/pagination/connection.args";
import { Connection, connectionFrom } from "../../src/shared/pagination/connection.types";
import { pageFromRows, pageOfList } from "../../src/shared/pagination/page";
import { pageRequest } from "../../src/shared/pagination/page-request";
import { SortOrder } from "../../src/shared/pagination/sort-order";
import { truncateAtWord } from "../../src/shared/text";
import { FloorData, OrderedList } from "./floor-data";

const EMPTY = new OrderedList<never>([]);

/**
 * Baseline (b), the execution floor: `schema.graphql` itself, executed by
 * plain graphql-js with plain functions over the rows in memory. It answers
 * what the workloads ask (forward pages, readers' fields) exactly as the
 * server does; the bench checks that before it measures.
 */
export function floorSchema(data: FloorData, authorOrder: SortOrder<Author>, readingPath: ReadingPathService): GraphQLSchema {
  const schema = buildSchema(readFileSync("schema.graphql", "utf8"));
  const on = (type: string, fields: Record<string, GraphQLFieldResolver<any, unknown, any>>) => {
    const typeFields = (schema.getType(type) as GraphQLObjectType).getFields();
    for (const [field, resolve] of Object.entries(fields)) typeFields[field].resolve = resolve;
  };
  const globalId = (row: Node) => row.globalId;
  const rankings = new Map<number, Promise<RelatedRanking>>();
  const rankingOf = (article: Article) => {
    let ranking = rankings.get(article.id);
    if (!ranking) rankings.set(article.id, (ranking = readingPath.firstRankings([article.id]).then(([first]) => first)));
    return ranking;
  };
  const picks = async (article: Article) =>
    (await rankingOf(article)).rows
      .slice(0, RELATED_PICKS)
      .map((row) => data.articleById.get(row.id))
      .filter((pick): pick is Article => pick !== undefined);

  on("Query", {
    articles: (_, args) => page(data.feed, args, articleOrders.NEWEST),
    authors: (_, args) => page(data.authors, args, authorOrder),
    article: (_, { slug }: { slug: string }) => data.articleBySlug.get(slug) ?? null,
  });
  on("Article", {
    id: globalId,
    excerpt: (article: Article, { maxLength }: { maxLength: number }) => truncateAtWord(article.editorExcerpt ?? article.leadText, maxLength),
    author: (article: Article) => data.authorById.get(article.authorId),
    category: (article: Article) => data.categoryById.get(article.categoryId),
    tags: (article: Article) => data.tagsByArticle.get(article.id) ?? [],
    comments: (article: Article, args) => page(data.commentsByArticle.get(article.id) ?? EMPTY, args, commentOrders.OLDEST),
    relatedArticles: async (article: Article, args) => {
      const ranking = await rankingOf(article);
      const request = pageRequest(args, relatedOrder);
      const rows = pageOfList(ranking.rows, request);
      return connectionFrom<{ row: RelatedArticle; node: Article }, Article, RelatedArticleEdge>(
        { ...rows, nodes: rows.nodes.map((row) => ({ row, node: data.articleById.get(row.id)! })) },
        // Read to RANK_DEPTH and counted, as the server's ranking with the fragment cache.
        async () => ranking.total!,
        ({ row, node }) => ({ node, score: row.score, reasons: row.reasons }),
      );
    },
    keepReading: async (article: Article) => (await picks(article))[0] ?? null,
    inlineFeedback: (article: Article, args) => page(data.inlineFeedbackByArticle.get(article.id) ?? EMPTY, args, inlineFeedbackOrder),
    content: (article: Article) => {
      const counts = new Map<string, number>();
      for (const comment of (data.inlineFeedbackByArticle.get(article.id) ?? EMPTY).rows) {
        counts.set(comment.anchorBlockId!, (counts.get(comment.anchorBlockId!) ?? 0) + 1);
      }
      const counted = <B extends { anchors: string[] }>(block: B) => ({
        ...block,
        __typename: block.constructor.name,
        inlineFeedbackCount: block.anchors.reduce((sum, id) => sum + (counts.get(id) ?? 0), 0),
      });
      return blocksOf(article.content ?? [], article).map((block) => ({ ...counted(block), ...("items" in block ? { items: block.items.map(counted) } : {}) }));
    },
    checkAlso: async (article: Article) => {
      const shown = await picks(article);
      const inSection = (data.articlesByCategory.get(article.categoryId) ?? EMPTY).rows.slice(0, CHECK_ALSO_CANDIDATES);
      return chooseCheckAlso(article, shown, inSection) ?? chooseCheckAlso(article, shown, data.feed.rows.slice(0, CHECK_ALSO_CANDIDATES));
    },
  });
  on("KeepReadingBlock", { article: async (block: { source: Article }) => (await picks(block.source))[0] ?? null });
  on("Author", {
    id: globalId,
    articles: (author: Author, args) => page(data.articlesByAuthor.get(author.id) ?? EMPTY, args, articleOrders.NEWEST),
  });
  on("Category", {
    id: globalId,
    articles: (category: Category, args) => page(data.articlesByCategory.get(category.id) ?? EMPTY, args, articleOrders.NEWEST),
  });
  on("Comment", {
    id: globalId,
    replyCount: (comment: Comment) => (data.repliesByComment.get(comment.id) ?? EMPTY).rows.length,
    replies: (comment: Comment, args) => page(data.repliesByComment.get(comment.id) ?? EMPTY, args, commentOrders.OLDEST),
  });
  return schema;
}

/** A forward page of `list` after the cursor's row (every order ends with the id, so the cursor's last value finds it). */
function page<T extends { id: number }>(list: OrderedList<T>, args: ConnectionArgs, order: SortOrder<T>): Connection<T> {
  const request = pageRequest(args, order);
  if (request.backward || request.before) throw new Error("the floor pages forwards only");
  const start = request.after ? list.positionOf(request.after[request.after.length - 1] as number)! + 1 : 0;
  const rows = list.rows.slice(start, start + request.limit + 1);
  return connectionFrom(pageFromRows(rows, request), async () => list.rows.length);
}
