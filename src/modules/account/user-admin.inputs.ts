import { Field, ID, InputType, Int, ObjectType } from "type-graphql";
import { ConnectionType } from "../../shared/pagination/connection.types";
import { Role, User } from "../user";
import { CREATE_IDEMPOTENCY_KEY } from "../../shared/idempotency/idempotency-keys";

@InputType({ description: "A new account." })
export class CreateUserInput {
  @Field({ description: "The sign-in address; stored lower-cased." })
  email: string;

  @Field({ description: "At least 12 characters; stored as a scrypt hash, never shown." })
  password: string;

  @Field(() => Role, { description: "What the account may do." })
  role: Role;

  @Field(() => ID, { nullable: true, description: "The author profile the account writes under." })
  authorId?: string | null;

  @Field(() => String, CREATE_IDEMPOTENCY_KEY)
  idempotencyKey?: string | null;
}

@InputType({ description: "Changes to an account; absent fields stay as they are." })
export class UpdateUserInput {
  @Field(() => ID, { description: "The account." })
  id: string;

  @Field(() => Int, { description: "The version the change is based on; a stale one is a CONFLICT." })
  version: number;

  @Field(() => Role, { nullable: true, description: "Demoting the last enabled ADMIN is a CONFLICT." })
  role?: Role | null;

  @Field(() => ID, { nullable: true, description: "The author profile the account writes under; null unlinks it." })
  authorId?: string | null;

  @Field(() => Boolean, { nullable: true, description: "true ends the account's sessions and refuses its sign-in; false lets it sign in again." })
  disabled?: boolean | null;
}

@InputType({ description: "A new password for an account." })
export class ResetUserPasswordInput {
  @Field(() => ID, { description: "The account." })
  id: string;

  @Field({ description: "At least 12 characters. The account's existing sessions end." })
  password: string;
}

@ObjectType({ description: "The account a mutation changed, as it now is." })
export class UserPayload {
  @Field(() => User, { description: "With its new version." })
  user: User;
}

export const UserConnection = ConnectionType(User, "User");
