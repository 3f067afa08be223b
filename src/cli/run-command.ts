import { createLogger } from "../logger";
import { PublicError } from "../shared/errors";
import { config, EXIT_USER_ERROR } from "./environment";
import { isUserError } from "./failures";

const EXIT_UNEXPECTED = 1;

/**
 * Runs an entry point's `main`: a number it returns is the exit code (nothing:
 * the process keeps running, as a server does). A failure the user can fix
 * is one line on stderr and exit code 2; anything else one line and exit
 * code 1, its stack trace in the log at debug level only.
 */
export function runCommand(main: () => Promise<number | void>): void {
  main().then(
    (code) => {
      if (code !== undefined) process.exit(code);
    },
    (error: unknown) => {
      if (isUserError(error) || error instanceof PublicError) {
        process.stderr.write(`${error.message}\n`);
        process.exit(EXIT_USER_ERROR);
      }
      createLogger(config.logLevel, { format: config.logFormat }).debug({ err: error }, "unexpected failure");
      const message = error instanceof Error ? error.message : String(error);
      process.stderr.write(`unexpected failure: ${message} (LOG_LEVEL=debug logs the stack trace)\n`);
      process.exit(EXIT_UNEXPECTED);
    },
  );
}
