import { ClassType, Field, ID, InputType, Int, ObjectType } from "type-graphql";
import { CREATE_IDEMPOTENCY_KEY } from "../../../shared/idempotency/idempotency-keys";

/** How the inputs of one kind describe it: its type name, what "the <noun>" is called, its name field. */
export interface InputNames {
  type: string;
  noun: string;
  name: string;
}

/** `Create<Type>Input`: the kind's own `fields`, a name and an optional slug. */
export function CreateInput<F extends object>({ type, noun, name }: InputNames, fields: ClassType<F>) {
  @InputType(`Create${type}Input`, { description: `A new ${noun}.` })
  class CreateInputClass extends (fields as ClassType<object>) {
    @Field({ description: `${name}; the slug is made from it.` })
    name: string;

    @Field(() => String, { nullable: true, description: "The slug to use instead (made URL-safe and unique)." })
    slug?: string | null;

    @Field(() => String, CREATE_IDEMPOTENCY_KEY)
    idempotencyKey?: string | null;
  }
  return CreateInputClass as ClassType<F & { name: string; slug?: string | null; idempotencyKey?: string | null }>;
}

/** `Update<Type>Input`: the row at the version read, and changes to its own `fields`, name or slug. */
export function UpdateInput<F extends object>({ type, noun, name }: InputNames, fields: ClassType<F>) {
  @InputType(`Update${type}Input`, { description: `Changes to one ${noun}; absent fields stay as they are.` })
  class UpdateInputClass extends (fields as ClassType<object>) {
    @Field(() => ID, { description: `The ${noun}.` })
    id: string;

    @Field(() => Int, { description: "The version the change is based on; a stale one is a CONFLICT." })
    version: number;

    @Field(() => String, { nullable: true, description: `${name}; the slug stays.` })
    name?: string | null;

    @Field(() => String, { nullable: true, description: "A new slug (made URL-safe and unique); links with the old one stop working." })
    slug?: string | null;
  }
  return UpdateInputClass as ClassType<F & { id: string; version: number; name?: string | null; slug?: string | null }>;
}

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
