import "reflect-metadata";
import { readFileSync, writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { buildSchema } from "../schema";
import { buildManifest, manifestJson } from "./manifest";

const USAGE =
  "Usage: npm run persisted-queries -- [--dir operations] [--out operations/persisted-queries.json] [--check]\n" +
  "Writes the safelist of PERSISTED_QUERIES=only from the .graphql files of --dir; --check only fails when it is out of date.";

/** `npm run persisted-queries`: rebuilds the checked-in manifest after an operation file changes. */
function main(): number {
  const { values } = parseArgs({
    options: { dir: { type: "string", default: "operations" }, out: { type: "string" }, check: { type: "boolean", default: false } },
  });
  const out = values.out ?? `${values.dir}/persisted-queries.json`;
  const json = manifestJson(buildManifest(values.dir!, buildSchema()));
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

try {
  process.exitCode = main();
} catch (error) {
  console.error(`${error instanceof Error ? error.message : error}\n\n${USAGE}`);
  process.exitCode = 2;
}
