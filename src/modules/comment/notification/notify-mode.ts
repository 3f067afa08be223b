import { registerEnumType } from "type-graphql";

export enum NotifyMode {
  NEW_COMMENTS = "NEW_COMMENTS",
  REPLIES_TO_MY_COMMENTS = "REPLIES_TO_MY_COMMENTS",
}

registerEnumType(NotifyMode, {
  name: "NotifyMode",
  description: "What a 'Notify of' subscription emails about.",
  valuesConfig: {
    NEW_COMMENTS: { description: "Every new approved comment on the article." },
    REPLIES_TO_MY_COMMENTS: { description: "Approved replies to the subscriber's own comments on the article." },
  },
});
