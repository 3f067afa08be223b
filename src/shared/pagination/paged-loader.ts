import DataLoader from "dataloader";
import { Deadline } from "../deadline";
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

export type PagedLoader<T> = (request: PageRequest<T>) => DataLoader<number, Page<T>>;

/**
 * Makes one request's loaders, all with the same options; every feature
 * module's loader factory takes one, so no loader is made any other way.
 * Every batch checks the request's deadline first: past it, no more SQL.
 */
export class LoaderFactory {
  constructor(
    private readonly options: LoaderOptions,
    private readonly deadline: Deadline = Deadline.NONE,
  ) {}

  /** A loader of one value per key, from a batch function in key order. */
  batch<K, V>(batch: (keys: readonly K[]) => Promise<V[]>): DataLoader<K, V> {
    return new DataLoader(async (keys: readonly K[]) => {
      this.deadline.check();
      return batch(keys);
    }, this.dataLoaderOptions<K, V>());
  }

  /**
   * Loaders of per-parent pages: one DataLoader per distinct page request,
   * so every parent asking for the same page shares one statement.
   */
  paged<T>(fetchPages: (parentIds: readonly number[], request: PageRequest<T>) => Promise<Page<T>[]>): PagedLoader<T> {
    const loaders = new Map<string, DataLoader<number, Page<T>>>();
    return (request) => {
      const key = pageRequestKey(request);
      let loader = loaders.get(key);
      if (!loader) {
        loader = this.batch((parentIds: readonly number[]) => fetchPages(parentIds, request));
        loaders.set(key, loader);
      }
      return loader;
    };
  }

  private dataLoaderOptions<K, V>(): DataLoader.Options<K, V> {
    return this.options.batching ? { maxBatchSize: MAX_BATCH } : { batch: false };
  }
}
