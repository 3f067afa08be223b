import DataLoader from "dataloader";
import { Page } from "./page";
import { PageRequest, pageRequestKey } from "./page-request";

export const MAX_BATCH = 1000;

/**
 * How a request's loaders fetch: batched, as the product always does, or
 * one statement per key, the naive build that `npm run bench` compares with.
 */
export interface LoaderOptions {
  batching: boolean;
}

export const BATCHED: LoaderOptions = { batching: true };

/**
 * The options of the loaders being built. The feature modules' loader
 * factories take no options, so `buildLoaders` sets them for the duration
 * of one synchronous build rather than for the whole process.
 */
let building: LoaderOptions = BATCHED;

/** Runs `build` (which creates one request's loaders) with `options` applied to each loader it creates. */
export function buildLoaders<T>(options: LoaderOptions, build: () => T): T {
  const outer = building;
  building = options;
  try {
    return build();
  } finally {
    building = outer;
  }
}

function dataLoaderOptions<K, V>(): DataLoader.Options<K, V> {
  return building.batching ? { maxBatchSize: MAX_BATCH } : { batch: false };
}

export type PagedLoader<T> = (request: PageRequest<T>) => DataLoader<number, Page<T>>;

/**
 * Per-request loaders of per-parent pages: one DataLoader per distinct page
 * request, so every parent asking for the same page shares one statement.
 */
export function pagedLoader<T>(
  fetchPages: (parentIds: readonly number[], request: PageRequest<T>) => Promise<Page<T>[]>,
): PagedLoader<T> {
  // Captured now: the DataLoaders are made later, while the request resolves.
  const options = dataLoaderOptions<number, Page<T>>();
  const loaders = new Map<string, DataLoader<number, Page<T>>>();
  return (request) => {
    const key = pageRequestKey(request);
    let loader = loaders.get(key);
    if (!loader) {
      loader = new DataLoader((parentIds) => fetchPages(parentIds, request), options);
      loaders.set(key, loader);
    }
    return loader;
  };
}

/** A per-request loader of one value per key, from a batch function in key order. */
export function batchLoader<K, V>(batch: (keys: readonly K[]) => Promise<V[]>): DataLoader<K, V> {
  return new DataLoader(batch, dataLoaderOptions<K, V>());
}
