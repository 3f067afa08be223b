import { registerEnumType } from "type-graphql";

export enum VoteValue {
  UP = "UP",
  DOWN = "DOWN",
}

registerEnumType(VoteValue, { name: "VoteValue", description: "A reader's vote on a comment." });

/** `comment_vote.value`: +1 or -1, so that a recount is a SUM. */
export function storedVote(value: VoteValue): 1 | -1 {
  return value === VoteValue.UP ? 1 : -1;
}

export function voteOfStored(stored: number): VoteValue {
  return stored > 0 ? VoteValue.UP : VoteValue.DOWN;
}
