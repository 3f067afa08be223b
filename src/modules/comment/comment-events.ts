import { topic } from "../../realtime/pubsub";

/** What `commentAdded` subscribers of an article hear: the id of a comment that just became visible. */
export interface CommentAddedEvent {
  commentId: number;
}

export const commentAddedTopic = (articleId: number) => topic<CommentAddedEvent>(`comment-added:${articleId}`);
