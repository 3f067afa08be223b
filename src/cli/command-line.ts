import { ParseArgsConfig, parseArgs } from "node:util";

type Options = NonNullable<ParseArgsConfig["options"]>;

/** What the options were given as: strings, or booleans for flags. */
export type OptionValues<O extends Options> = { [K in keyof O]?: O[K]["type"] extends "boolean" ? boolean : string };

/** A mistake on the command line or in what it names: one line, exit code 2. */
export class UsageError extends Error {}

export interface CommandSpec<O extends Options> {
  /** How the command is typed, e.g. `npm run seed --`: the start of every message. */
  name: string;
  /** What `--help` prints. */
  usage: string;
  options: O;
}

/**
 * The options of `argv`, strictly: `--help` prints the usage and exits 0; an
 * unknown option, a missing value or a stray argument is a `UsageError`
 * naming it. Square brackets copied from a usage line get a hint of their own.
 */
export function parseCommandLine<O extends Options>(spec: CommandSpec<O>, argv: string[] = process.argv.slice(2)): OptionValues<O> {
  let parsed: { values: Record<string, string | boolean | undefined>; positionals: string[] };
  try {
    parsed = parseArgs({ args: argv, options: { ...spec.options, help: { type: "boolean", short: "h" } }, strict: true, allowPositionals: true });
  } catch (error) {
    throw new UsageError(`${spec.name} ${describeParseError(error as Error & { code?: string })} (--help lists the options)`);
  }
  if (parsed.values.help) {
    process.stdout.write(`${spec.usage}\n`);
    process.exit(0);
  }
  const [stray] = parsed.positionals;
  if (stray !== undefined) {
    const hint = /^\[|\]$/.test(stray) ? ": square brackets in a usage line mark an optional part, leave them out" : " (--help lists the options)";
    throw new UsageError(`${spec.name} takes no argument "${stray}"${hint}`);
  }
  return parsed.values as OptionValues<O>;
}

function describeParseError(error: Error & { code?: string }): string {
  const option = /'(-[^' ]+)/.exec(error.message)?.[1];
  switch (error.code) {
    case "ERR_PARSE_ARGS_UNKNOWN_OPTION":
      return `has no option ${option}`;
    case "ERR_PARSE_ARGS_INVALID_OPTION_VALUE":
      return error.message.includes("argument missing") ? `needs a value after ${option}` : `takes no value after ${option}`;
    default:
      return error.message.split(". ")[0];
  }
}
