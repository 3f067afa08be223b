import { topic } from "../../../realtime/pubsub";

/** What `articlePublished` subscribers hear: ids only, re-read on delivery (see `PubSub`). */
export interface ArticlePublishedEvent {
  articleId: number;
  categoryId: number;
}

export const articlePublishedTopic = topic<ArticlePublishedEvent>("article-published");
