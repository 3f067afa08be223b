import DataLoader from "dataloader";
import { Page } from "./page";
import { PageRequest, pageRequestKey } from "./page-request";

export const MAX_BATCH = 1000;

export type PagedLoader<T> = (request: PageRequest<T>) => DataLoader<number, Page<T>>;

/**
 * Per-request loaders of per-parent pages: one DataLoader per distinct page
 * request, so every parent asking for the same page shares one statement.
 */
export function pagedLoader<T>(
  fetchPages: (parentIds: readonly number[], request: PageRequest<T>) => Promise<Page<T>[]>,
): PagedLoader<T> {
  const loaders = new Map<string, DataLoader<number, Page<T>>>();
  return (request) => {
    const key = pageRequestKey(request);
    let loader = loaders.get(key);
    if (!loader) {
      loader = new DataLoader((parentIds) => fetchPages(parentIds, request), { maxBatchSize: MAX_BATCH });
      loaders.set(key, loader);
    }
    return loader;
  };
}

/** A per-request loader of one value per key, from a batch function in key order. */
export function batchLoader<K, V>(batch: (keys: readonly K[]) => Promise<V[]>): DataLoader<K, V> {
  return new DataLoader(batch, { maxBatchSize: MAX_BATCH });
}
