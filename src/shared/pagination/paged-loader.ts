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
   * Loaders whose batch depends on an argument besides the keys (a page
   * request, a reader): one DataLoader per distinct argument, as
   * `argumentKey` names it, so that every key asked with the same argument
   * shares one statement.
   */
  keyed<A, K, V>(argumentKey: (argument: A) => string, batch: (keys: readonly K[], argument: A) => Promise<V[]>): (argument: A) => DataLoader<K, V> {
    const loaders = new Map<string, DataLoader<K, V>>();
    return (argument) => {
      const name = argumentKey(argument);
      let loader = loaders.get(name);
      if (!loader) {
        loader = this.batch((keys: readonly K[]) => batch(keys, argument));
        loaders.set(name, loader);
      }
      return loader;
    };
  }

  /**
   * Loaders of per-parent pages: one DataLoader per distinct page request,
   * so every parent asking for the same page shares one statement.
   */
  paged<T>(fetchPages: (parentIds: readonly number[], request: PageRequest<T>) => Promise<Page<T>[]>): PagedLoader<T> {
    return this.keyed<PageRequest<T>, number, Page<T>>(pageRequestKey, fetchPages);
  }

  private dataLoaderOptions<K, V>(): DataLoader.Options<K, V> {
    return this.options.batching ? { maxBatchSize: MAX_BATCH } : { batch: false };
  }
}
