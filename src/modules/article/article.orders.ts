import { registerEnumType } from "type-graphql";
import { SortKey, SortOrder, byId } from "../../shared/pagination/sort-order";
import { Article } from "./article.entity";
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
    NEWEST: { description: "Most recently published first." },
    OLDEST: { description: "Earliest published first." },
    MOST_DISCUSSED: { description: "Most approved comments first, then newest." },
    RELEVANCE: { description: "Best match of filter.search first, then newest; only with filter.search." },
  },
});

const publishedAt: SortKey<Article> = { column: "published_at", kind: "date", read: (article) => article.publishedAt! };
const commentCount: SortKey<Article> = { column: "comment_count", kind: "integer", read: (article) => article.commentCount };
/** Computed by the search join; the cursor carries it as an exact float. */
const relevance: SortKey<Article> = { column: "relevance", sql: `${SEARCH_ALIAS}.relevance`, kind: "float", read: (article) => article.relevance! };

export const articleOrders: Record<ArticleOrder, SortOrder<Article>> = {
  NEWEST: { name: "newest", direction: "DESC", keys: [publishedAt, byId] },
  OLDEST: { name: "oldest", direction: "ASC", keys: [publishedAt, byId] },
  MOST_DISCUSSED: { name: "discussed", direction: "DESC", keys: [commentCount, publishedAt, byId] },
  RELEVANCE: { name: "relevance", direction: "DESC", keys: [relevance, publishedAt, byId] },
};
