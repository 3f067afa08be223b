import { ClassType, Field, ID, InputType, Int, ObjectType } from "type-graphql";

/** `Delete<Type>Input`: the row, and optionally where what refers to it goes. */
export function DeleteInput(type: string, reassignDescription: string) {
  @InputType(`Delete${type}Input`, { description: `Which ${type.toLowerCase()} to delete.` })
  class DeleteInputClass {
    @Field(() => ID, { description: `The ${type.toLowerCase()} to delete.` })
    id: string;

    @Field(() => ID, { nullable: true, description: reassignDescription })
    reassignTo?: string | null;
  }
  return DeleteInputClass;
}

export interface Deletion {
  id: string;
  reassignTo?: string | null;
}

/** `<Type>Payload { <field>: <Type>! }`: the row a mutation changed, as it now is. */
export function TaxonomyPayload<T extends object>(type: ClassType<T>, name: string, field: string) {
  @ObjectType(`${name}Payload`, { description: `The ${name.toLowerCase()} a mutation changed, as it now is.` })
  class PayloadClass {
    @Field(() => type, { name: field, description: "With its new version." })
    item: T;
  }
  return PayloadClass;
}

@ObjectType({ description: "What a deletion did." })
export class DeletePayload {
  @Field(() => ID, { description: "The global id of the deleted object." })
  deletedId: string;

  @Field(() => ID, { nullable: true, description: "Where what referred to it went, when reassignTo was given." })
  reassignedTo: string | null;

  @Field(() => Int, { description: "Articles that referred to it: moved to reassignedTo, or, for a tag without one, untagged." })
  articleCount: number;
}
