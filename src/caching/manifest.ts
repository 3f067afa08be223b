import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { GraphQLSchema, parse, print, validate } from "graphql";
import { queryHash } from "../http/graphql-params";

/**
 * The persisted-query manifest of the `.graphql` operation files in `dir`:
 * each file's document, printed in graphql-js's canonical form (what
 * Apollo Client sends), keyed by the sha256 of that text. A file that does
 * not validate against `schema` is an error naming it, so a stale operation
 * cannot reach the safelist.
 */
export function buildManifest(dir: string, schema: GraphQLSchema): Record<string, string> {
  const manifest: Record<string, string> = {};
  const files = readdirSync(dir)
    .filter((name) => name.endsWith(".graphql"))
    .sort();
  for (const file of files) {
    const document = parse(readFileSync(join(dir, file), "utf8"));
    const errors = validate(schema, document);
    if (errors.length > 0) throw new Error(`${file}: ${errors.map((error) => error.message).join("; ")}`);
    const text = print(document);
    manifest[queryHash(text)] = text;
  }
  return manifest;
}

/** The manifest as written to disk: stable order, so a rebuild without changes leaves the file as it is. */
export function manifestJson(manifest: Record<string, string>): string {
  const sorted = Object.fromEntries(Object.entries(manifest).sort(([a], [b]) => a.localeCompare(b)));
  return JSON.stringify(sorted, null, 2) + "\n";
}
