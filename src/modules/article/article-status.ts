import { registerEnumType } from "type-graphql";

export enum ArticleStatus {
  DRAFT = "DRAFT",
  SCHEDULED = "SCHEDULED",
  PUBLISHED = "PUBLISHED",
  ARCHIVED = "ARCHIVED",
}

registerEnumType(ArticleStatus, {
  name: "ArticleStatus",
  description: "Where an article is in its life; readers only ever see PUBLISHED.",
  valuesConfig: {
    DRAFT: { description: "Being written; visible to its editors only." },
    SCHEDULED: { description: "Will be published at its publishedAt time." },
    PUBLISHED: { description: "Live for readers." },
    ARCHIVED: { description: "Withdrawn from feeds; kept for the record." },
  },
});
