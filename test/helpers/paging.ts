export interface PageOf<T> {
  items: T[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
}

/**
 * Every item of a list in list order, read `size` at a time: forwards with
 * first/after, or backwards with last/before, until the list says there is
 * no more. `read` gets the page arguments and returns one page.
 */
export async function readAllPages<T>(
  read: (args: Record<string, unknown>) => Promise<PageOf<T>>,
  size: number,
  direction: "forwards" | "backwards",
): Promise<T[]> {
  const items: T[] = [];
  for (let cursor: string | null = null; ; ) {
    if (direction === "forwards") {
      const page: PageOf<T> = await read({ first: size, after: cursor });
      items.push(...page.items);
      if (!page.pageInfo.hasNextPage) return items;
      cursor = page.pageInfo.endCursor;
    } else {
      const page: PageOf<T> = await read({ last: size, before: cursor });
      items.unshift(...page.items);
      if (!page.pageInfo.hasPreviousPage) return items;
      cursor = page.pageInfo.startCursor;
    }
  }
}
