import { Field, Float, ObjectType } from "type-graphql";
import { RawRow } from "../../shared/batch";
import { ComputedColumns } from "../../shared/pagination/fetch";
import { ConnectionType, EdgeBase } from "../../shared/pagination/connection.types";
import { SortOrder } from "../../shared/pagination/sort-order";
import { Article } from "./article.entity";
import { RelatedReason } from "./related-reason";
import { RELATED_ALIAS } from "./related.sql";

/** An article as related to another one: its score, and why it is listed. */
export interface RelatedArticle {
  article: Article;
  pinned: boolean;
  score: number;
  reasons: RelatedReason[];
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
 * order, so that pages of equal scores are stable.
 */
export const relatedOrder: SortOrder<RelatedArticle> = {
  name: "related",
  direction: "DESC",
  keys: [
    { column: "pinned", sql: `${RELATED_ALIAS}.pinned`, kind: "integer", read: (row) => (row.pinned ? 1 : 0) },
    { column: "score", sql: `${RELATED_ALIAS}.score`, kind: "float", read: (row) => row.score },
    { column: "published_at", kind: "date", read: (row) => row.article.publishedAt! },
    { column: "id", kind: "integer", read: (row) => row.article.id },
  ],
};

/** The columns of the related-scores table that each page row carries beside its article. */
export const relatedColumns: ComputedColumns<Article, RelatedArticle> = {
  columns: Object.fromEntries(
    ["pinned", "score", "shared_tags", "same_category", "same_author"].map((name) => [name, `${RELATED_ALIAS}.${name}`]),
  ),
  build: (article, raw) => ({ article, pinned: flag(raw.pinned), score: Number(raw.score), reasons: reasonsOf(raw) }),
};

function reasonsOf(raw: RawRow): RelatedReason[] {
  const reasons: [RelatedReason, boolean][] = [
    [RelatedReason.EDITOR_PICK, flag(raw.pinned)],
    [RelatedReason.SHARED_TAGS, flag(raw.shared_tags)],
    [RelatedReason.SAME_CATEGORY, flag(raw.same_category)],
    [RelatedReason.SAME_AUTHOR, flag(raw.same_author)],
  ];
  return reasons.filter(([, holds]) => holds).map(([reason]) => reason);
}

/** Drivers return counts and CASE flags as numbers or numeric strings. */
function flag(value: unknown): boolean {
  return Number(value) > 0;
}
