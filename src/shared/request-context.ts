import { Deadline } from "./deadline";

/** What every request's context holds, whatever the modules add to it (`src/context.ts` builds it). */
export interface RequestContext {
  requestId: string;
  /** The signed-in account of the request's bearer token (the user module's User); null for readers. */
  viewer: { id: number } | null;
  /** The client's IP address (behind a proxy, as Fastify's trustProxy reads it): what flood control counts per. */
  clientAddress: string;
  /** The client's User-Agent header, if it sent one: crawlers' views are not counted by it. */
  userAgent: string | undefined;
  /** The request's time budget (`EXECUTION_TIMEOUT_MS`); long work checks it between statements. */
  deadline: Deadline;
  /** The cache tags of what the answer shows, collected as fields resolve (`caching/answer-tags.ts`). */
  cacheTags: Set<string>;
}
