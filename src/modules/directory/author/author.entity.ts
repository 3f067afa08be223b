import { Field, Int, ObjectType } from "type-graphql";
import { Column, Entity, PrimaryGeneratedColumn } from "typeorm";
import { Node } from "../../../shared/node.type";

@Entity("author")
@ObjectType({ implements: Node, description: "A writer with a byline and a feed of their articles." })
export class Author extends Node {
  @PrimaryGeneratedColumn()
  id: number;

  @Field({ description: "Stable, URL-safe name used in links." })
  @Column({ type: "varchar", length: 200, unique: true })
  slug: string;

  @Field({ description: "The name shown in the byline." })
  @Column({ type: "varchar", length: 200 })
  name: string;

  @Field(() => Int, { description: "Optimistic-concurrency token: editors send it back with updates." })
  @Column({ type: "integer", default: 1 })
  version: number;

  @Field(() => String, { nullable: true, description: "A short biography, plain text." })
  @Column({ type: "text", nullable: true })
  bio: string | null;

  @Field(() => String, { nullable: true, description: "URL of the author's portrait." })
  @Column({ name: "avatar_url", type: "varchar", length: 2000, nullable: true })
  avatarUrl: string | null;

  @Column({ name: "created_at", type: Date })
  createdAt: Date;
}
