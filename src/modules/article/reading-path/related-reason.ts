import { registerEnumType } from "type-graphql";

export enum RelatedReason {
  EDITOR_PICK = "EDITOR_PICK",
  SHARED_TAGS = "SHARED_TAGS",
  SAME_CATEGORY = "SAME_CATEGORY",
  SAME_AUTHOR = "SAME_AUTHOR",
}

registerEnumType(RelatedReason, {
  name: "RelatedReason",
  description: "Why an article is listed as related to another.",
  valuesConfig: {
    EDITOR_PICK: { description: "An editor pinned it as the article's 'Keep Reading' pick; it comes first." },
    SHARED_TAGS: { description: "The two share at least one tag; rarer tags count for more." },
    SAME_CATEGORY: { description: "The two are in the same section." },
    SAME_AUTHOR: { description: "The two have the same author." },
  },
});
