import { registerEnumType } from "type-graphql";
import { SortKey, SortOrder, byId } from "../../../shared/pagination/sort-order";
import { ArticleStatus } from "../article-status";
import { Article } from "../article.entity";
import { READ_WINDOWS, ReadWindow } from "../views/read-window";
import { READS_ALIAS } from "../views/view.service";
import { SEARCH_ALIAS } from "./search";

export enum ArticleOrder {
  NEWEST = "NEWEST",
  OLDEST = "OLDEST",
  MOST_DISCUSSED = "MOST_DISCUSSED",
  RELEVANCE = "RELEVANCE",
  MOST_READ = "MOST_READ",
}

registerEnumType(ArticleOrder, {
  name: "ArticleOrder",
  description: "How a list of articles is sorted; ties always fall back to the id.",
  valuesConfig: {
    NEWEST: { description: "Most recently published first (drafts: most recently changed)." },
    OLDEST: { description: "Earliest published first (drafts: least recently changed)." },
    MOST_DISCUSSED: { description: "Most approved comments first, then newest." },
    RELEVANCE: { description: "Best match of filter.search first, then newest; only with filter.search." },
    MOST_READ: {
      description:
        "Most readers in filter.readWindow (WEEK when absent) first, then newest; 'Most read in <section>' with filter.categorySlug. " +
        "Counts lag by up to VIEW_FLUSH_INTERVAL_MS and move as readers come, with no write: a page after a cursor continues " +
        "from the count the cursor carries, so an article whose count crossed it meanwhile can be missed or shown twice.",
    },
  },
});

const publishedAt: SortKey<Article> = { column: "published_at", kind: "date", read: (article) => article.publishedAt! };
/** Drafts have no publication time: their lists sort by the last change instead. */
const updatedAt: SortKey<Article> = { column: "updated_at", kind: "date", read: (article) => article.updatedAt };
const commentCount: SortKey<Article> = { column: "comment_count", kind: "integer", read: (article) => article.commentCount };
/** Computed by the search join; the cursor carries it as an exact float. */
const relevance: SortKey<Article> = { column: "relevance", sql: `${SEARCH_ALIAS}.relevance`, kind: "float", read: (article) => article.relevance! };
/** Summed by the reads join (`ViewService.readsTable`); articles nobody read have no row there and rank as 0. */
const views: SortKey<Article> = { column: "views", sql: `COALESCE(${READS_ALIAS}.views, 0)`, kind: "integer", read: (article) => article.views! };

type FixedOrder = Exclude<ArticleOrder, ArticleOrder.MOST_READ>;

/** The orders with `time` as the time key; `prefix` keeps their cursors apart from other sets'. */
function ordersBy(time: SortKey<Article>, prefix: string): Record<FixedOrder, SortOrder<Article>> {
  return {
    NEWEST: { name: `${prefix}newest`, direction: "DESC", keys: [time, byId] },
    OLDEST: { name: `${prefix}oldest`, direction: "ASC", keys: [time, byId] },
    MOST_DISCUSSED: { name: `${prefix}discussed`, direction: "DESC", keys: [commentCount, time, byId] },
    RELEVANCE: { name: `${prefix}relevance`, direction: "DESC", keys: [relevance, time, byId] },
  };
}

/** Which window each MOST_READ order ranks by. */
const windowOfOrder = new Map<SortOrder<Article>, ReadWindow>();

/** MOST_READ, one order per window: a cursor of one window's list is refused by another's. */
function mostReadBy(time: SortKey<Article>, prefix: string): Record<ReadWindow, SortOrder<Article>> {
  const orders = {} as Record<ReadWindow, SortOrder<Article>>;
  for (const window of READ_WINDOWS) {
    orders[window] = { name: `${prefix}most-read-${window.toLowerCase()}`, direction: "DESC", keys: [views, time, byId] };
    windowOfOrder.set(orders[window], window);
  }
  return orders;
}

export const articleOrders = ordersBy(publishedAt, "");
const draftOrders = ordersBy(updatedAt, "draft-");
const mostRead = mostReadBy(publishedAt, "");
const draftMostRead = mostReadBy(updatedAt, "draft-");

/**
 * The order of a list of articles in `status`: by publication time, or for
 * drafts by their last change; MOST_READ by the views of `readWindow`.
 */
export function articleOrderFor(
  orderBy: ArticleOrder | null | undefined,
  status: ArticleStatus | null | undefined,
  readWindow: ReadWindow | null | undefined,
): SortOrder<Article> {
  const drafts = status === ArticleStatus.DRAFT;
  if (orderBy === ArticleOrder.MOST_READ) return (drafts ? draftMostRead : mostRead)[readWindow ?? ReadWindow.WEEK];
  return (drafts ? draftOrders : articleOrders)[orderBy ?? ArticleOrder.NEWEST];
}

/** Whether `order` ranks search matches, which needs a search to rank. */
export function ranksMatches(order: SortOrder<Article>): boolean {
  return order === articleOrders.RELEVANCE || order === draftOrders.RELEVANCE;
}

/** The window whose views `order` ranks by; null for the orders that do not. */
export function windowRankedBy(order: SortOrder<Article>): ReadWindow | null {
  return windowOfOrder.get(order) ?? null;
}
