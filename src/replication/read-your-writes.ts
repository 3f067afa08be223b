import { ContentChanged } from "../caching/content-changes";
import { ReplicaOptions } from "../config";

/**
 * How long after a write its writer reads from the primary. A replica
 * takes reads only while its last check found it at most `maxLagMs` behind,
 * and checks are `checkIntervalMs` apart: a replica in use has every write
 * older than their sum. After that window the writer's reads may go back
 * to replicas and still see the write.
 */
export function readYourWritesWindowMs(options: ReplicaOptions): number {
  return options.maxLagMs + options.checkIntervalMs;
}

/**
 * The response cache purged after a write, and again once every replica in
 * use has the write: an anonymous read that ran on a replica just behind
 * the write, and was cached again with the write's tags, is dropped then
 * rather than at its TTL (a CDN gets the second purge too, for the same reason).
 */
export function purgingAgainAfter(contentChanged: ContentChanged, windowMs: number): ContentChanged {
  return async (changed) => {
    await contentChanged(changed);
    setTimeout(() => void contentChanged(changed), windowMs).unref();
  };
}
