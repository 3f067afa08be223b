import { Field, Int, ObjectType } from "type-graphql";
import { Column, Entity, PrimaryGeneratedColumn } from "typeorm";
import { Node } from "../../../shared/node.type";

@Entity("tag")
@ObjectType({ implements: Node, description: "A topic that articles across sections share." })
export class Tag extends Node {
  @PrimaryGeneratedColumn()
  id: number;

  @Field({ description: "Stable, URL-safe name used in links." })
  @Column({ type: "varchar", length: 200, unique: true })
  slug: string;

  @Field({ description: "The tag's display name." })
  @Column({ type: "varchar", length: 200 })
  name: string;

  @Field(() => Int, { description: "Optimistic-concurrency token: editors send it back with updates." })
  @Column({ type: "integer", default: 1 })
  version: number;
}
