import "reflect-metadata";
import "../cli/environment";
import { readFileSync, writeFileSync } from "node:fs";
import { UserError } from "../cli/failures";
import { parseCommandLine } from "../cli/command-line";
import { runCommand } from "../cli/run-command";
import { buildSchema } from "../schema";
import { buildManifest, manifestJson } from "./manifest";

const USAGE =
  "Usage: npm run persisted-queries -- [--dir operations] [--out operations/persisted-queries.json] [--check]\n" +
  "Writes the safelist of PERSISTED_QUERIES=only from the .graphql files of --dir; --check only fails when it is out of date.";

const COMMAND = {
  name: "npm run persisted-queries --",
  usage: USAGE,
  options: { dir: { type: "string" }, out: { type: "string" }, check: { type: "boolean" } },
} as const;

/** `npm run persisted-queries`: rebuilds the checked-in manifest after an operation file changes. */
async function main(): Promise<number> {
  const values = parseCommandLine(COMMAND);
  const dir = values.dir ?? "operations";
  const out = values.out ?? `${dir}/persisted-queries.json`;
  let json: string;
  try {
    json = manifestJson(buildManifest(dir, buildSchema()));
  } catch (error) {
    // A missing directory or an operation the schema refuses: the message names the file.
    throw new UserError(error instanceof Error ? error.message : String(error));
  }
  if (!values.check) {
    writeFileSync(out, json);
    console.log(`${out}: ${Object.keys(JSON.parse(json)).length} operations`);
    return 0;
  }
  let current = "";
  try {
    current = readFileSync(out, "utf8");
  } catch {
    // A missing manifest is out of date.
  }
  if (current === json) return 0;
  console.error(`${out} is out of date: run npm run persisted-queries`);
  return 1;
}

runCommand(main);
