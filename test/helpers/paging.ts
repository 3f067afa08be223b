export interface PageInfo {
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  startCursor: string | null;
  endCursor: string | null;
}

export interface PageOf<T> {
  items: T[];
  pageInfo: PageInfo;
}

/**
 * Every page of a list, read `size` at a time: forwards with first/after, or
 * backwards with last/before, until the list says there is no more. `read`
 * gets the page arguments (`after`/`before` is null for the first read) and
 * returns one page. The pages come back in list order whichever way they
 * were read. Fails, rather than reading forever, when a page says there is
 * more but gives no cursor, or a cursor already read from.
 */
export async function readPages<P extends { pageInfo: PageInfo }>(
  read: (args: Record<string, unknown>) => Promise<P>,
  size: number,
  direction: "forwards" | "backwards",
): Promise<P[]> {
  const pages: P[] = [];
  const used = new Set<string>();
  for (let cursor: string | null = null; ;) {
    const page: P = await read(direction === "forwards" ? { first: size, after: cursor } : { last: size, before: cursor });
    const { hasNextPage, hasPreviousPage, startCursor, endCursor } = page.pageInfo;
    const [more, next] = direction === "forwards" ? [hasNextPage, endCursor] : [hasPreviousPage, startCursor];
    if (direction === "forwards") pages.push(page);
    else pages.unshift(page);
    if (!more) return pages;
    if (next === null || used.has(next))
      throw new Error(`page ${used.size + 1} says there is more but gives ${next === null ? "no cursor" : "a cursor already read from"}`);
    used.add(next);
    cursor = next;
  }
}

/** Every item of a list in list order, read `size` at a time (see readPages). */
export async function readAllPages<T>(
  read: (args: Record<string, unknown>) => Promise<PageOf<T>>,
  size: number,
  direction: "forwards" | "backwards",
): Promise<T[]> {
  return (await readPages(read, size, direction)).flatMap((page) => page.items);
}
