import { Field, Float, ObjectType } from "type-graphql";
import { FragmentCodec } from "../../../caching/fragment-cache";
import { ConnectionType, EdgeBase } from "../../../shared/pagination/connection.types";
import { SortOrder } from "../../../shared/pagination/sort-order";
import { Article } from "../article.entity";
import { RelatedReason } from "./related-reason";

/** A ranking as the fragment cache keeps it: JSON, with each time as its ISO text. */
export const rankingCodec: FragmentCodec<RelatedRanking> = {
  encode: (ranking) => JSON.stringify(ranking),
  decode: (text) => {
    const ranking = JSON.parse(text) as RelatedRanking;
    for (const row of ranking.rows) row.publishedAt = new Date(row.publishedAt);
    return ranking;
  },
};

/** An article as related to another one: its place in the ranking (its score, and why it is listed). */
export interface RelatedArticle {
  id: number;
  publishedAt: Date;
  pinned: boolean;
  score: number;
  reasons: RelatedReason[];
}

/**
 * The related articles of one article, best first: the first `RANK_DEPTH`
 * of them, or fewer when a request asks for fewer (all, when ranked in
 * full), and how many there are in all: null when the ranking was not
 * counted and may hold more than it read.
 */
export interface RelatedRanking {
  rows: RelatedArticle[];
  total: number | null;
}

@ObjectType("RelatedArticleEdge", { description: "A related article, with how closely it relates and why." })
export class RelatedArticleEdge extends EdgeBase(Article, "RelatedArticle") {
  @Field(() => Float, {
    description:
      "How closely the two relate (higher is closer): the rarity-weighted tags they share, plus the same section, " +
      "the same author, and how close in time they were published.",
  })
  score: number;

  @Field(() => [RelatedReason], { description: "Why it is listed, strongest signal first." })
  reasons: RelatedReason[];
}

export const RelatedArticleConnection = ConnectionType(Article, "RelatedArticle", RelatedArticleEdge);

/**
 * The editor's pick first, then by score, then newest, then by id: a total
 * order, so that pages of equal scores are stable. `related.sql.ts` ranks
 * in the same order.
 */
export const relatedOrder: SortOrder<RelatedArticle> = {
  name: "related",
  direction: "DESC",
  keys: [
    { column: "pinned", kind: "integer", read: (row) => (row.pinned ? 1 : 0) },
    { column: "score", kind: "float", read: (row) => row.score },
    { column: "published_at", kind: "date", read: (row) => row.publishedAt },
    { column: "id", kind: "integer", read: (row) => row.id },
  ],
};

/** The signals a ranking row carries, strongest first, as the reasons an edge shows. */
export function reasonsOf(signals: { pinned: boolean; sharedTags: boolean; sameCategory: boolean; sameAuthor: boolean }): RelatedReason[] {
  const reasons: [RelatedReason, boolean][] = [
    [RelatedReason.EDITOR_PICK, signals.pinned],
    [RelatedReason.SHARED_TAGS, signals.sharedTags],
    [RelatedReason.SAME_CATEGORY, signals.sameCategory],
    [RelatedReason.SAME_AUTHOR, signals.sameAuthor],
  ];
  return reasons.filter(([, holds]) => holds).map(([reason]) => reason);
}
