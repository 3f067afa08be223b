import { parseInteger } from "./parse";

/** What SIGTERM and SIGINT do, in order: report not ready, keep serving for `drainMs`, then close within `graceMs`. */
export interface ShutdownOptions {
  /**
   * How long `/readyz` answers 503 while requests are still served, so load
   * balancers stop sending new ones before the port closes; set it to the
   * balancer's probe interval.
   */
  drainMs: number;
  /** How long requests in flight may take to finish once the port is closed; then their connections are cut. */
  graceMs: number;
}

export const DEFAULT_SHUTDOWN: ShutdownOptions = { drainMs: 0, graceMs: 10_000 };

export function loadShutdown(env: NodeJS.ProcessEnv): ShutdownOptions {
  return {
    drainMs: parseInteger("SHUTDOWN_DRAIN_MS", env.SHUTDOWN_DRAIN_MS, DEFAULT_SHUTDOWN.drainMs),
    graceMs: parseInteger("SHUTDOWN_GRACE_MS", env.SHUTDOWN_GRACE_MS, DEFAULT_SHUTDOWN.graceMs),
  };
}
