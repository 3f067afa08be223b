import { Field, Int, ObjectType } from "type-graphql";
import { Column, Entity, PrimaryGeneratedColumn } from "typeorm";
import { Node } from "../../../shared/node.type";

@Entity("category")
@ObjectType({ implements: Node, description: "A section of the publication, such as World or Science." })
export class Category extends Node {
  @PrimaryGeneratedColumn()
  id: number;

  @Field({ description: "Stable, URL-safe name used in links." })
  @Column({ type: "varchar", length: 200, unique: true })
  slug: string;

  @Field({ description: "The section's display name." })
  @Column({ type: "varchar", length: 200 })
  name: string;

  @Field(() => Int, { description: "Optimistic-concurrency token: editors send it back with updates." })
  @Column({ type: "integer", default: 1 })
  version: number;

  @Field(() => String, { nullable: true, description: "What the section covers, plain text." })
  @Column({ type: "text", nullable: true })
  description: string | null;
}
