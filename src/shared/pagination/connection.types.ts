import { ClassType, Field, Int, ObjectType } from "type-graphql";
import { Page } from "./page";

@ObjectType({ description: "Where a page sits in its list (Relay cursor connections)." })
export class PageInfo {
  @Field({ description: "Whether items exist after this page (in list order)." })
  hasNextPage: boolean;

  @Field({ description: "Whether items exist before this page: true whenever the page started from a cursor." })
  hasPreviousPage: boolean;

  @Field(() => String, { nullable: true, description: "Cursor of the first item on this page." })
  startCursor: string | null;

  @Field(() => String, { nullable: true, description: "Cursor of the last item on this page." })
  endCursor: string | null;
}

/** What a connection field resolves to; `totalCount` is only counted when asked for. */
export interface Connection<T> {
  edges: { cursor: string; node: T }[];
  nodes: T[];
  pageInfo: PageInfo;
  readonly totalCount: Promise<number>;
}

export function connectionFrom<T>(page: Page<T>, countAll: () => Promise<number>): Connection<T> {
  return {
    edges: page.nodes.map((node, index) => ({ cursor: page.cursors[index], node })),
    nodes: page.nodes,
    pageInfo: {
      hasNextPage: page.hasNextPage,
      hasPreviousPage: page.hasPreviousPage,
      startCursor: page.cursors[0] ?? null,
      endCursor: page.cursors[page.cursors.length - 1] ?? null,
    },
    get totalCount() {
      return countAll();
    },
  };
}

/** Declares `<Name>Connection` and `<Name>Edge` for a node type. */
export function ConnectionType<T extends object>(nodeType: ClassType<T>, name: string): ClassType<Connection<T>> {
  @ObjectType(`${name}Edge`, { description: `One ${name} of a list, with the cursor to continue from it.` })
  class Edge {
    @Field({ description: "Pass as after (or before) to continue from this item." })
    cursor: string;

    @Field(() => nodeType, { description: "The item itself." })
    node: T;
  }

  @ObjectType(`${name}Connection`, { description: `A page of ${name} items.` })
  class ConnectionClass {
    @Field(() => [Edge], { description: "The items of this page, each with its cursor." })
    edges: Edge[];

    @Field(() => [nodeType], { description: "The items of `edges`, for clients that need no cursors." })
    nodes: T[];

    @Field(() => PageInfo, { description: "Cursors and whether more items exist either side." })
    pageInfo: PageInfo;

    @Field(() => Int, { description: "How many items the whole list has." })
    totalCount: Promise<number>;
  }
  return ConnectionClass;
}
