import { registerEnumType } from "type-graphql";

export enum RevisionAction {
  PUBLISH = "PUBLISH",
  UPDATE = "UPDATE",
  RESTORE = "RESTORE",
}

registerEnumType(RevisionAction, {
  name: "RevisionAction",
  description: "The save that made a revision.",
  valuesConfig: {
    PUBLISH: { description: "The article went live (by publishArticle or the scheduler): the content readers first saw." },
    UPDATE: { description: "updateArticle while the article was published." },
    RESTORE: { description: "restoreArticleRevision brought back an earlier revision's content." },
  },
});
