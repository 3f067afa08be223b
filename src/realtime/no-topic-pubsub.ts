import { BuildSchemaOptions } from "type-graphql";

/**
 * type-graphql refuses to build a schema with subscriptions unless given a
 * pub/sub for its `topics` style. Ours are all written with `subscribe`
 * (per-instance `PubSub` from the context, see `pubsub.ts`), so the one it
 * gets says so if it is ever reached.
 */
export const NO_TOPIC_PUBSUB: NonNullable<BuildSchemaOptions["pubSub"]> = {
  publish() {
    throw new Error("Subscriptions here use `subscribe` with the context's PubSub, not `topics`.");
  },
  subscribe() {
    throw new Error("Subscriptions here use `subscribe` with the context's PubSub, not `topics`.");
  },
};
