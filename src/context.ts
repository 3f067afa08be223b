import { ApolloServerPlugin } from "@apollo/server";
import { publicDatabaseFault } from "./database/database-faults";
import { AccountContext, CommentContext, featureModules } from "./modules";
import { LoadersOf } from "./modules/feature-module";
import { Services } from "./services";
import { Clock, Deadline, systemClock } from "./shared/deadline";
import { BATCHED, LoaderFactory, LoaderOptions } from "./shared/pagination/paged-loader";

export type Loaders = LoadersOf<typeof featureModules>;

/** A request's context: what every module's resolvers see of it, and more. */
export type Context = CommentContext & AccountContext & { services: Services; loaders: Loaders };

/**
 * Fresh per request: loaders cache only for the request that made them, and
 * stop at its deadline. A module's loaders are made when the request first
 * reads one of them, so a request pays only for the modules it reads.
 */
export function createLoaders(services: Services, options: LoaderOptions, deadline: Deadline = Deadline.NONE): Loaders {
  let Lazy = lazyLoaderClasses.get(services);
  if (!Lazy) lazyLoaderClasses.set(services, (Lazy = lazyLoaderClass(services)));
  return new Lazy(new LoaderFactory(options, deadline));
}

/**
 * Lets go of the loaders `loaders` made (their caches, and the pages read
 * ahead into them): a later read makes them anew, with empty caches.
 */
export function releaseLoaders(loaders: Loaders): void {
  (loaders as unknown as LazyLoaders)[MADE].length = 0;
}

/**
 * Releases each request's loaders once its answer is complete. V8 keeps a
 * request's context reachable past its answer, until the next full
 * collection: Apollo's request and response objects are allocated in the
 * old generation, and what old objects reach survives every scavenge. The
 * loaders were most of what the context kept alive (BENCHMARKS.md).
 */
export function releaseLoadersPlugin(): ApolloServerPlugin<Context> {
  const listener = {
    async willSendResponse({ contextValue }: { contextValue: Context }) {
      releaseLoaders(contextValue.loaders);
    },
  };
  return { requestDidStart: async () => listener };
}

const FACTORY = Symbol("loader factory");
const MADE = Symbol("loaders made, by module");

interface LazyLoaders {
  [FACTORY]: LoaderFactory;
  [MADE]: (Record<string, unknown> | undefined)[];
}

const lazyLoaderClasses = new WeakMap<Services, new (make: LoaderFactory) => Loaders>();

/**
 * A class whose instances are one request's loaders: a getter per loader
 * name, on the prototype, makes the loaders of the module that has it (with
 * the request's factory) the first time the request reads any of them.
 * The names are those of a set made once here.
 */
function lazyLoaderClass(services: Services): new (make: LoaderFactory) => Loaders {
  function RequestLoaders(this: LazyLoaders, make: LoaderFactory) {
    this[FACTORY] = make;
    this[MADE] = [];
  }
  featureModules.forEach((module, index) => {
    const loadersOf = module.loaders?.bind(module) as ((services: Services, make: LoaderFactory) => Record<string, unknown>) | undefined;
    if (!loadersOf) return;
    for (const name of Object.keys(loadersOf(services, new LoaderFactory(BATCHED)))) {
      Object.defineProperty(RequestLoaders.prototype, name, {
        enumerable: true,
        get(this: LazyLoaders) {
          return (this[MADE][index] ??= loadersOf(services, this[FACTORY]))[name];
        },
      });
    }
  });
  return RequestLoaders as unknown as new (make: LoaderFactory) => Loaders;
}

/** What a transport knows of a request when its context is made. */
export interface Arrival {
  requestId: string;
  authorization: string | undefined;
  clientAddress: string;
  userAgent: string | undefined;
  /** Where the answer's cache tags go (HTTP); a fresh set otherwise. */
  cacheTags?: Set<string>;
  /** A subscription lasts as long as its client listens: it has no single deadline. */
  live?: boolean;
}

/**
 * The one way a context is made, for HTTP and WebSocket alike: the request
 * budget starts, the bearer token names the viewer, and a database fault
 * while reading it answers as the coded error it maps to.
 */
export function contextBuilder(services: Services, loaderOptions: LoaderOptions, executionMs: number, clock: Clock = systemClock) {
  return async ({ requestId, authorization, clientAddress, userAgent, cacheTags, live = false }: Arrival): Promise<Context> => {
    const deadline = live ? Deadline.NONE : Deadline.after(executionMs, clock);
    const viewer = await services.auth.viewerOf(authorization).catch((error: unknown) => {
      throw publicDatabaseFault(error) ?? error;
    });
    const loaders = createLoaders(services, loaderOptions, deadline);
    return { requestId, services, loaders, viewer, clientAddress, userAgent, deadline, cacheTags: cacheTags ?? new Set<string>() };
  };
}
