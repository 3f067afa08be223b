import { registerEnumType } from "type-graphql";
import { SortKey, SortOrder, byId } from "../../../shared/pagination/sort-order";
import { ArticleStatus } from "../article-status";
import { Article } from "../article.entity";
import { SEARCH_ALIAS } from "./search";

export enum ArticleOrder {
  NEWEST = "NEWEST",
  OLDEST = "OLDEST",
  MOST_DISCUSSED = "MOST_DISCUSSED",
  RELEVANCE = "RELEVANCE",
}

registerEnumType(ArticleOrder, {
  name: "ArticleOrder",
  description: "How a list of articles is sorted; ties always fall back to the id.",
  valuesConfig: {
    NEWEST: { description: "Most recently published first (drafts: most recently changed)." },
    OLDEST: { description: "Earliest published first (drafts: least recently changed)." },
    MOST_DISCUSSED: { description: "Most approved comments first, then newest." },
    RELEVANCE: { description: "Best match of filter.search first, then newest; only with filter.search." },
  },
});

const publishedAt: SortKey<Article> = { column: "published_at", kind: "date", read: (article) => article.publishedAt! };
/** Drafts have no publication time: their lists sort by the last change instead. */
const updatedAt: SortKey<Article> = { column: "updated_at", kind: "date", read: (article) => article.updatedAt };
const commentCount: SortKey<Article> = { column: "comment_count", kind: "integer", read: (article) => article.commentCount };
/** Computed by the search join; the cursor carries it as an exact float. */
const relevance: SortKey<Article> = { column: "relevance", sql: `${SEARCH_ALIAS}.relevance`, kind: "float", read: (article) => article.relevance! };

/** The orders with `time` as the time key; `prefix` keeps their cursors apart from other sets'. */
function ordersBy(time: SortKey<Article>, prefix: string): Record<ArticleOrder, SortOrder<Article>> {
  return {
    NEWEST: { name: `${prefix}newest`, direction: "DESC", keys: [time, byId] },
    OLDEST: { name: `${prefix}oldest`, direction: "ASC", keys: [time, byId] },
    MOST_DISCUSSED: { name: `${prefix}discussed`, direction: "DESC", keys: [commentCount, time, byId] },
    RELEVANCE: { name: `${prefix}relevance`, direction: "DESC", keys: [relevance, time, byId] },
  };
}

export const articleOrders = ordersBy(publishedAt, "");
const draftOrders = ordersBy(updatedAt, "draft-");

/** The orders of a list of articles in `status`: by publication time, or for drafts by their last change. */
export function articleOrdersFor(status: ArticleStatus | null | undefined): Record<ArticleOrder, SortOrder<Article>> {
  return status === ArticleStatus.DRAFT ? draftOrders : articleOrders;
}

/** Whether `order` ranks search matches, which needs a search to rank. */
export function ranksMatches(order: SortOrder<Article>): boolean {
  return order === articleOrders.RELEVANCE || order === draftOrders.RELEVANCE;
}
