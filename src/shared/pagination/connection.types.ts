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

export interface Edge<T> {
  cursor: string;
  node: T;
}

/** What a connection field resolves to; `totalCount` is only counted when asked for, and not when the page is the whole list. */
export interface Connection<T, E extends Edge<T> = Edge<T>> {
  edges: E[];
  nodes: T[];
  pageInfo: PageInfo;
  readonly totalCount: Promise<number>;
}

/**
 * The items a connection shows, when `value` is one (every connection
 * field resolves to one), else null: for the answer's cache tags, which
 * tag a connection's items when the connection is returned.
 */
export function connectionItems(value: unknown): readonly unknown[] | null {
  return value instanceof PageConnection ? value.nodes : null;
}

/** The names of the `<Name>Connection` types `ConnectionType` declared. */
const connectionTypeNames = new Set<string>();

/** Whether `fieldName` of the GraphQL type `typeName` lists a connection's items (`connectionItems`): its `edges` or `nodes`. */
export function listsConnectionItems(typeName: string, fieldName: string): boolean {
  return connectionTypeNames.has(typeName) && (fieldName === "edges" || fieldName === "nodes");
}

/**
 * The connection of a page. A page of plain nodes needs no `toEdge`; a page
 * of rows that carry more than their node (a score) says how each row
 * becomes an edge, less its cursor. Edges are made only when a client asks
 * for them (most lists show `nodes`), and cursors only when read.
 */
export function connectionFrom<R, T = R, E extends Edge<T> = Edge<T>>(
  page: Page<R>,
  countAll: () => Promise<number>,
  toEdge?: (row: R) => Omit<E, "cursor">,
): Connection<T, E> {
  return new PageConnection<R, T, E>(page, countAll, toEdge);
}

class PageConnection<R, T, E extends Edge<T>> implements Connection<T, E> {
  private madeEdges?: E[];
  private madeNodes?: T[];

  constructor(
    private readonly page: Page<R>,
    private readonly countAll: () => Promise<number>,
    private readonly toEdge?: (row: R) => Omit<E, "cursor">,
  ) {}

  get edges(): E[] {
    const { page, toEdge } = this;
    return (this.madeEdges ??= page.nodes.map((row, index) =>
      toEdge ? (Object.assign(new CursorEdge(page, index), toEdge(row)) as unknown as E) : (new PlainEdge(page, index, row) as unknown as E),
    ));
  }

  get nodes(): T[] {
    return (this.madeNodes ??= this.toEdge ? this.edges.map((edge) => edge.node) : (this.page.nodes as unknown as T[]));
  }

  get pageInfo(): PageInfo {
    return new PageInfoOf(this.page);
  }

  /** A page that holds the whole list (no cursor, no row left out) is its own count: no statement. */
  get totalCount(): Promise<number> {
    return this.page.wholeList ? Promise.resolve(this.page.nodes.length) : this.countAll();
  }
}

/** An edge whose cursor is encoded when read. */
class CursorEdge {
  constructor(
    private readonly page: Page<unknown>,
    private readonly index: number,
  ) {}

  get cursor(): string {
    return this.page.cursor(this.index);
  }
}

class PlainEdge<T> extends CursorEdge {
  constructor(
    page: Page<unknown>,
    index: number,
    readonly node: T,
  ) {
    super(page, index);
  }
}

class PageInfoOf implements PageInfo {
  readonly hasNextPage: boolean;
  readonly hasPreviousPage: boolean;

  constructor(private readonly page: Page<unknown>) {
    this.hasNextPage = page.hasNextPage;
    this.hasPreviousPage = page.hasPreviousPage;
  }

  get startCursor(): string | null {
    return this.page.nodes.length === 0 ? null : this.page.cursor(0);
  }

  get endCursor(): string | null {
    const last = this.page.nodes.length - 1;
    return last < 0 ? null : this.page.cursor(last);
  }
}

/**
 * The fields of every edge of `<Name>Edge`, for its edge class to extend.
 * No field returns it, so it never appears in the schema itself.
 */
export function EdgeBase<T extends object>(nodeType: ClassType<T>, name: string): ClassType<Edge<T>> {
  @ObjectType(`${name}EdgeFields`)
  class EdgeClass {
    @Field({ description: "Pass as after (or before) to continue from this item." })
    cursor: string;

    @Field(() => nodeType, { description: "The item itself." })
    node: T;
  }
  return EdgeClass;
}

/** Declares `<Name>Connection` and, unless an edge type is given, `<Name>Edge` for a node type. */
export function ConnectionType<T extends object, E extends Edge<T> = Edge<T>>(
  nodeType: ClassType<T>,
  name: string,
  edgeType?: ClassType<E>,
): ClassType<Connection<T, E>> {
  const edge = edgeType ?? plainEdgeType(nodeType, name);
  connectionTypeNames.add(`${name}Connection`);

  @ObjectType(`${name}Connection`, { description: `A page of ${name} items.` })
  class ConnectionClass {
    @Field(() => [edge], { description: "The items of this page, each with its cursor." })
    edges: E[];

    @Field(() => [nodeType], { description: "The items of `edges`, for clients that need no cursors." })
    nodes: T[];

    @Field(() => PageInfo, { description: "Cursors and whether more items exist either side." })
    pageInfo: PageInfo;

    @Field(() => Int, { description: "How many items the whole list has." })
    totalCount: Promise<number>;
  }
  return ConnectionClass;
}

function plainEdgeType<T extends object>(nodeType: ClassType<T>, name: string): ClassType<Edge<T>> {
  @ObjectType(`${name}Edge`, { description: `One ${name} of a list, with the cursor to continue from it.` })
  class PlainEdge extends EdgeBase(nodeType, name) {}
  return PlainEdge;
}
