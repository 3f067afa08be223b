import { Field, ID, InterfaceType } from "type-graphql";
import { encodeGlobalId, NodeTypeName } from "./global-id";

// No `resolveType`: type-graphql's default picks the implementing class the value is an instance of, synchronously,
// as graphql-jit requires (type-graphql wraps a given resolveType in an async function).
@InterfaceType({ description: "An object with a globally unique, opaque ID that `node` can fetch back." })
export abstract class Node {
  /** The row's primary key; clients only ever see the global id. */
  id: number;

  @Field(() => ID, { name: "id", description: "Globally unique, opaque ID." })
  get globalId(): string {
    return encodeGlobalId(this.constructor.name as NodeTypeName, this.id);
  }
}
