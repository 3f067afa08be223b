import { publicDatabaseFault } from "./database/database-faults";
import { AccountContext, CommentContext, featureModules } from "./modules";
import { LoadersOf } from "./modules/feature-module";
import { Services } from "./services";
import { Clock, Deadline, systemClock } from "./shared/deadline";
import { LoaderFactory, LoaderOptions } from "./shared/pagination/paged-loader";

export type Loaders = LoadersOf<typeof featureModules>;

/** A request's context: what every module's resolvers see of it, and more. */
export type Context = CommentContext & AccountContext & { services: Services; loaders: Loaders };

/** Fresh per request: loaders cache only for the request that made them, and stop at its deadline. */
export function createLoaders(services: Services, options: LoaderOptions, deadline: Deadline = Deadline.NONE): Loaders {
  const make = new LoaderFactory(options, deadline);
  const loaders = {} as Loaders;
  for (const module of featureModules) if (module.loaders) Object.assign(loaders, module.loaders(services, make));
  return loaders;
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
