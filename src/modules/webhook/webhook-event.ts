import { registerEnumType } from "type-graphql";

/** What a webhook can be told of; the values are the `type` of the payloads (Standard Webhooks' dotted names). */
export enum WebhookEvent {
  ARTICLE_PUBLISHED = "article.published",
  ARTICLE_UPDATED = "article.updated",
  ARTICLE_UNPUBLISHED = "article.unpublished",
  COMMENT_APPROVED = "comment.approved",
  TAXONOMY_CHANGED = "taxonomy.changed",
}

registerEnumType(WebhookEvent, {
  name: "WebhookEvent",
  description: "An event a webhook subscribes to; the payload's `type` is the dotted name (`article.published`).",
  valuesConfig: {
    ARTICLE_PUBLISHED: { description: "An article became PUBLISHED (by hand or when its schedule fell due)." },
    ARTICLE_UPDATED: { description: "A PUBLISHED article was edited or restored to a revision." },
    ARTICLE_UNPUBLISHED: { description: "A PUBLISHED article was unpublished, archived or deleted." },
    COMMENT_APPROVED: { description: "A comment became visible: approved by a moderator or on arrival." },
    TAXONOMY_CHANGED: { description: "An author, section or tag was created, changed or deleted." },
  },
});

export const WEBHOOK_EVENTS: readonly string[] = Object.values(WebhookEvent);
