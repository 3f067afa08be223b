import { existsSync } from "node:fs";
import { Config, loadConfig } from "../config";

/** Node's own loader; variables already in the environment win over the file's. */
const ENV_FILE = ".env";

/** A mistake a user can fix: one line on stderr, exit code 2. */
export const EXIT_USER_ERROR = 2;

/**
 * Imported first by every entry point (`npm start` and the CLIs), before any
 * module that reads the environment on load (`ormconfig.ts`): loads `.env`
 * when present and checks the whole configuration, so a mistake in it costs
 * one line and exit code 2 before anything runs.
 */
function checkedConfig(): Config {
  try {
    if (existsSync(ENV_FILE)) process.loadEnvFile(ENV_FILE);
    return loadConfig();
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(EXIT_USER_ERROR);
  }
}

export const config: Config = checkedConfig();
