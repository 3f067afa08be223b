import DataLoader from "dataloader";
import { FieldNode, GraphQLResolveInfo } from "graphql";
import { Deadline } from "../deadline";
import { Page, pagePrefix } from "./page";
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

/** Each parent's page of one page request. */
export interface PageLoader<T> {
  load(parentId: number): Promise<Page<T>>;
  /**
   * Hands over a parent's page read by another statement (its parents'
   * own, see `pageColumnOfParents`): its `load`, and that of every request
   * this one's read answers (the same family, no larger, no other fields),
   * then sends no SQL. None when the request's loaders do not batch (the
   * naive build reads each page alone).
   */
  prime?(parentId: number, page: Page<T>): void;
  /** The page of `parentId` that `prime` handed over, when it answers this request; `load` would give it too, a microtask later. */
  primedPage(parentId: number): Page<T> | undefined;
}

/** One request's page loaders of one list, by page request. */
export interface PagedLoader<T> {
  (request: PageRequest<T>): PageLoader<T>;
  /**
   * The page loader of the connection field that `info` resolves, with the
   * page request `request()` makes: made once per field of the document,
   * however many parents ask for it. A field's arguments come from the
   * document and the request's variables, and its item fields from its
   * selection, so every parent's request is the same; made for each
   * (twenty comments' replies), each built its request and keys again. A
   * request `request()` refuses throws for every parent.
   */
  ofField(info: GraphQLResolveInfo, request: () => PageRequest<T>): PageLoader<T>;
}

/** DataLoader's reads: what a request's batch loaders offer. */
export type BatchLoader<K, V> = Pick<DataLoader<K, V>, "load" | "loadMany">;

/** A DataLoader made on its first read. */
class LazyLoader<K, V, C> implements BatchLoader<K, V> {
  private loader: DataLoader<K, V, C> | undefined;

  constructor(private readonly make: () => DataLoader<K, V, C>) {}

  load(key: K): Promise<V> {
    return (this.loader ??= this.make()).load(key);
  }

  loadMany(keys: readonly K[]): Promise<(V | Error)[]> {
    return (this.loader ??= this.make()).loadMany(keys);
  }
}

/** One parent's page of one request, as a page loader's batch sees it; `key` is the request's `pageRequestKey`. */
interface PageKey<T> {
  parentId: number;
  request: PageRequest<T>;
  key: string;
}

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

  /**
   * A loader of one value per key, from a batch function in key order;
   * `cacheKey` names equal keys when they are objects. Its DataLoader is
   * made on its first read: a request reads few of the loaders its modules
   * make (BENCHMARKS.md).
   */
  batch<K, V, C = K>(batch: (keys: readonly K[]) => Promise<V[]>, cacheKey?: (key: K) => C): BatchLoader<K, V> {
    return new LazyLoader(() => this.dataLoader(batch, cacheKey));
  }

  private dataLoader<K, V, C>(batch: (keys: readonly K[]) => Promise<V[]>, cacheKey: ((key: K) => C) | undefined): DataLoader<K, V, C> {
    return new DataLoader<K, V, C>(
      async (keys: readonly K[]) => {
        this.deadline.check();
        return batch(keys);
      },
      { ...this.dataLoaderOptions(), cacheKeyFn: cacheKey },
    );
  }

  /**
   * Loaders whose batch depends on an argument besides the keys (a page
   * request, a reader): one DataLoader per distinct argument, as
   * `argumentKey` names it, so that every key asked with the same argument
   * shares one statement.
   */
  keyed<A, K, V>(argumentKey: (argument: A) => string, batch: (keys: readonly K[], argument: A) => Promise<V[]>): (argument: A) => BatchLoader<K, V> {
    const loaders = new Map<string, BatchLoader<K, V>>();
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
   * Loaders of per-parent pages: every parent asking for the same page
   * shares one statement, and so do forward requests that differ only in
   * their size and the fields they show (a section's first 3 articles and
   * its first 5): they are read once, as large as the largest with the
   * fields of all, and each page is cut from it (`pagePrefix`).
   */
  paged<T>(fetchPages: (parentIds: readonly number[], request: PageRequest<T>) => Promise<Page<T>[]>): PagedLoader<T> {
    const families = new Map<string, BatchLoader<PageKey<T>, Page<T>>>();
    /** Pages handed over by `prime`, by family and parent: each answers the requests its read covers. */
    const primed = new Map<string, Map<number, Primed<T>>>();
    const byField = new Map<FieldNode, PageLoader<T>>();
    const loaderOf = (request: PageRequest<T>): PageLoader<T> => {
      const name = familyKey(request);
      let family = families.get(name);
      if (!family) {
        family = this.batch<PageKey<T>, Page<T>, string>(
          (keys) => readFamily(fetchPages, keys),
          ({ parentId, key }) => `${parentId} ${key}`,
        );
        families.set(name, family);
      }
      const loader = family;
      // Made on the first read that needs a statement: a primed page needs none.
      let key: string | undefined;
      const primedPage = (parentId: number) => {
        const given = primed.get(name)?.get(parentId);
        return given && covers(given.request, request) ? pagePrefix(given.page, request.limit) : undefined;
      };
      const load = (parentId: number) => {
        const page = primedPage(parentId);
        return page ? Promise.resolve(page) : loader.load({ parentId, request, key: (key ??= pageRequestKey(request)) });
      };
      if (!this.options.batching) return { load, primedPage };
      const prime = (parentId: number, page: Page<T>) => {
        let byParent = primed.get(name);
        if (!byParent) primed.set(name, (byParent = new Map()));
        byParent.set(parentId, { request, page });
      };
      return { load, prime, primedPage };
    };
    const ofField = (info: GraphQLResolveInfo, request: () => PageRequest<T>): PageLoader<T> => {
      const field = info.fieldNodes[0];
      let loader = byField.get(field);
      if (!loader) byField.set(field, (loader = loaderOf(request())));
      return loader;
    };
    return Object.assign(loaderOf, { ofField });
  }

  private dataLoaderOptions(): { batch?: boolean; maxBatchSize?: number } {
    return this.options.batching ? { maxBatchSize: MAX_BATCH } : { batch: false };
  }
}

/** A page handed over to a page loader, and the request it was read for. */
interface Primed<T> {
  request: PageRequest<T>;
  page: Page<T>;
}

/**
 * Whether the page read for `read` answers `request` of its family, as
 * `readFamily` cuts pages: no larger (a backward request only its own
 * size, which the family fixes) and with no field `read` did not read.
 */
function covers<T>(read: PageRequest<T>, request: PageRequest<T>): boolean {
  if (request.limit > read.limit) return false;
  const fields = read.fields;
  if (fields === undefined || fields === request.fields) return true;
  // A page's fields are a handful: a search of each is cheaper than a set made for every parent.
  return request.fields !== undefined && request.fields.every((field) => fields.includes(field));
}

/** Requests that one read can answer: the same order, direction and cursors; a backward request only with its own size. */
function familyKey<T>(request: PageRequest<T>): string {
  return JSON.stringify([request.order.name, request.backward, request.after, request.before, request.backward ? request.limit : null]);
}

/** The read that answers every request of `requests` (one family): the largest size, the fields of all (every field when one request does not know its fields). */
function largestOf<T>(requests: PageRequest<T>[]): PageRequest<T> {
  const fields = requests.every((request) => request.fields !== undefined) ? [...new Set(requests.flatMap((request) => request.fields!))].sort() : undefined;
  return { ...requests[0], limit: Math.max(...requests.map((request) => request.limit)), fields };
}

/** The pages of `keys` (one family) in one read: the largest size, the fields of all (every field when one request does not know its fields). */
async function readFamily<T>(
  fetchPages: (parentIds: readonly number[], request: PageRequest<T>) => Promise<Page<T>[]>,
  keys: readonly PageKey<T>[],
): Promise<Page<T>[]> {
  // Most batches are one request's (its field's loader is made once, see `PagedLoader.ofField`): read as it is.
  const requests = [...new Set(keys.map((key) => key.request))];
  const read = requests.length === 1 ? requests[0] : largestOf(requests);
  const parentIds = [...new Set(keys.map((key) => key.parentId))];
  const pages = await fetchPages(parentIds, read);
  const byParent = new Map(parentIds.map((parentId, index) => [parentId, pages[index]]));
  return keys.map(({ parentId, request }) => pagePrefix(byParent.get(parentId)!, request.limit));
}
