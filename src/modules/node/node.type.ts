import { Field, ID, InterfaceType } from "type-graphql";
import { encodeGlobalId, NodeTypeName } from "./global-id";

@InterfaceType({
  description: "An object with a globally unique, opaque ID that `node` can fetch back.",
  resolveType: (value: Node) => value.constructor.name,
})
export abstract class Node {
  /** The row's primary key; clients only ever see the global id. */
  id: number;

  @Field(() => ID, { name: "id", description: "Globally unique, opaque ID." })
  get globalId(): string {
    return encodeGlobalId(this.constructor.name as NodeTypeName, this.id);
  }
}
